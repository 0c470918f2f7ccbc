using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SchoolIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_DistrictId_Period",
                table: "IndicatorValues");

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The column with its foreign key inline, as SQLite's ALTER TABLE allows for a nullable column: AddForeignKey
            // would rebuild the table outside a transaction (EF Core warns, and a failure halfway loses the table).
            migrationBuilder.Sql("ALTER TABLE \"IndicatorValues\" ADD COLUMN \"SchoolId\" INTEGER NULL REFERENCES \"Schools\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_DistrictId_Period",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "DistrictId", "Period" },
                unique: true,
                filter: "\"SchoolId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_SchoolId_Period",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "SchoolId", "Period" },
                unique: true,
                filter: "\"SchoolId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_SchoolId",
                table: "IndicatorValues",
                column: "SchoolId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_DistrictId_Period",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_IndicatorId_SchoolId_Period",
                table: "IndicatorValues");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_SchoolId",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SchoolId",
                table: "IndicatorValues");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_IndicatorId_DistrictId_Period",
                table: "IndicatorValues",
                columns: new[] { "IndicatorId", "DistrictId", "Period" },
                unique: true);
        }
    }
}
