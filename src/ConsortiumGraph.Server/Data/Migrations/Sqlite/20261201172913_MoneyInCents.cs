using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoneyInCents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every amount becomes a whole number of cents (Data/Cents.cs): a new integer column, filled from the old one, which then goes.
            migrationBuilder.AddColumn<long>(name: "StandaloneUnitPriceCents", table: "PurchaseLines", type: "INTEGER", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"StandaloneUnitPriceCents\" = CAST(ROUND(CAST(\"StandaloneUnitPrice\" AS REAL) * 100) AS INTEGER)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"StandaloneUnitPrice\"");
            migrationBuilder.AddColumn<long>(name: "ConsortiumUnitPriceCents", table: "PurchaseLines", type: "INTEGER", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"ConsortiumUnitPriceCents\" = CAST(ROUND(CAST(\"ConsortiumUnitPrice\" AS REAL) * 100) AS INTEGER)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"ConsortiumUnitPrice\"");
            migrationBuilder.AddColumn<long>(name: "AmountCents", table: "Grants", type: "INTEGER", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"Grants\" SET \"AmountCents\" = CAST(ROUND(CAST(\"Amount\" AS REAL) * 100) AS INTEGER)");
            migrationBuilder.Sql("ALTER TABLE \"Grants\" DROP COLUMN \"Amount\"");
            migrationBuilder.AddColumn<long>(name: "DollarsCents", table: "Commitments", type: "INTEGER", nullable: true);
            migrationBuilder.Sql("UPDATE \"Commitments\" SET \"DollarsCents\" = CAST(ROUND(CAST(\"Dollars\" AS REAL) * 100) AS INTEGER)");
            migrationBuilder.Sql("ALTER TABLE \"Commitments\" DROP COLUMN \"Dollars\"");
            // Quantities are whole units of what was bought.
            migrationBuilder.AddColumn<int>(name: "QuantityUnits", table: "PurchaseLines", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"QuantityUnits\" = CAST(ROUND(CAST(\"Quantity\" AS REAL)) AS INTEGER)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"Quantity\"");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" RENAME COLUMN \"QuantityUnits\" TO \"Quantity\"");
            migrationBuilder.AddColumn<string>(name: "Currency", table: "Consortia", type: "TEXT", maxLength: 3, nullable: false, defaultValue: "USD");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(name: "StandaloneUnitPrice", table: "PurchaseLines", type: "TEXT", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"StandaloneUnitPrice\" = printf('%.2f', \"StandaloneUnitPriceCents\" / 100.0)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"StandaloneUnitPriceCents\"");
            migrationBuilder.AddColumn<decimal>(name: "ConsortiumUnitPrice", table: "PurchaseLines", type: "TEXT", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"ConsortiumUnitPrice\" = printf('%.2f', \"ConsortiumUnitPriceCents\" / 100.0)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"ConsortiumUnitPriceCents\"");
            migrationBuilder.AddColumn<decimal>(name: "Amount", table: "Grants", type: "TEXT", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"Grants\" SET \"Amount\" = printf('%.2f', \"AmountCents\" / 100.0)");
            migrationBuilder.Sql("ALTER TABLE \"Grants\" DROP COLUMN \"AmountCents\"");
            migrationBuilder.AddColumn<decimal>(name: "Dollars", table: "Commitments", type: "TEXT", precision: 14, scale: 2, nullable: true);
            migrationBuilder.Sql("UPDATE \"Commitments\" SET \"Dollars\" = printf('%.2f', \"DollarsCents\" / 100.0)");
            migrationBuilder.Sql("ALTER TABLE \"Commitments\" DROP COLUMN \"DollarsCents\"");
            migrationBuilder.AddColumn<decimal>(name: "QuantityText", table: "PurchaseLines", type: "TEXT", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"QuantityText\" = CAST(\"Quantity\" AS TEXT)");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" DROP COLUMN \"Quantity\"");
            migrationBuilder.Sql("ALTER TABLE \"PurchaseLines\" RENAME COLUMN \"QuantityText\" TO \"Quantity\"");
            migrationBuilder.DropColumn(name: "Currency", table: "Consortia");
        }
    }
}
