using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MoneyInCents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every amount becomes a whole number of cents (Data/Cents.cs): a new integer column, filled from the old one, which then goes.
            migrationBuilder.AddColumn<long>(name: "StandaloneUnitPriceCents", table: "PurchaseLines", type: "bigint", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"StandaloneUnitPriceCents\" = round(\"StandaloneUnitPrice\" * 100)::bigint");
            migrationBuilder.DropColumn(name: "StandaloneUnitPrice", table: "PurchaseLines");
            migrationBuilder.AddColumn<long>(name: "ConsortiumUnitPriceCents", table: "PurchaseLines", type: "bigint", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"ConsortiumUnitPriceCents\" = round(\"ConsortiumUnitPrice\" * 100)::bigint");
            migrationBuilder.DropColumn(name: "ConsortiumUnitPrice", table: "PurchaseLines");
            migrationBuilder.AddColumn<long>(name: "AmountCents", table: "Grants", type: "bigint", nullable: false, defaultValue: 0L);
            migrationBuilder.Sql("UPDATE \"Grants\" SET \"AmountCents\" = round(\"Amount\" * 100)::bigint");
            migrationBuilder.DropColumn(name: "Amount", table: "Grants");
            migrationBuilder.AddColumn<long>(name: "DollarsCents", table: "Commitments", type: "bigint", nullable: true);
            migrationBuilder.Sql("UPDATE \"Commitments\" SET \"DollarsCents\" = round(\"Dollars\" * 100)::bigint");
            migrationBuilder.DropColumn(name: "Dollars", table: "Commitments");
            // Quantities are whole units of what was bought.
            migrationBuilder.AlterColumn<int>(name: "Quantity", table: "PurchaseLines", type: "integer", nullable: false,
                oldClrType: typeof(decimal), oldType: "numeric(14,2)", oldPrecision: 14, oldScale: 2);
            migrationBuilder.AddColumn<string>(name: "Currency", table: "Consortia", type: "character varying(3)", maxLength: 3, nullable: false, defaultValue: "USD");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(name: "StandaloneUnitPrice", table: "PurchaseLines", type: "numeric(14,2)", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"StandaloneUnitPrice\" = \"StandaloneUnitPriceCents\" / 100.0");
            migrationBuilder.DropColumn(name: "StandaloneUnitPriceCents", table: "PurchaseLines");
            migrationBuilder.AddColumn<decimal>(name: "ConsortiumUnitPrice", table: "PurchaseLines", type: "numeric(14,2)", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"PurchaseLines\" SET \"ConsortiumUnitPrice\" = \"ConsortiumUnitPriceCents\" / 100.0");
            migrationBuilder.DropColumn(name: "ConsortiumUnitPriceCents", table: "PurchaseLines");
            migrationBuilder.AddColumn<decimal>(name: "Amount", table: "Grants", type: "numeric(14,2)", precision: 14, scale: 2, nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE \"Grants\" SET \"Amount\" = \"AmountCents\" / 100.0");
            migrationBuilder.DropColumn(name: "AmountCents", table: "Grants");
            migrationBuilder.AddColumn<decimal>(name: "Dollars", table: "Commitments", type: "numeric(14,2)", precision: 14, scale: 2, nullable: true);
            migrationBuilder.Sql("UPDATE \"Commitments\" SET \"Dollars\" = \"DollarsCents\" / 100.0");
            migrationBuilder.DropColumn(name: "DollarsCents", table: "Commitments");
            migrationBuilder.AlterColumn<decimal>(name: "Quantity", table: "PurchaseLines", type: "numeric(14,2)", precision: 14, scale: 2, nullable: false,
                oldClrType: typeof(int), oldType: "integer");
            migrationBuilder.DropColumn(name: "Currency", table: "Consortia");
        }
    }
}
