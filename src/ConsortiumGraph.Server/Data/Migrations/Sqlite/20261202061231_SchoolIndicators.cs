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

            migrationBuilder.AddColumn<int>(
                name: "SchoolId",
                table: "IndicatorValues",
                type: "INTEGER",
                nullable: true);

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

            migrationBuilder.AddForeignKey(
                name: "FK_IndicatorValues_Schools_SchoolId",
                table: "IndicatorValues",
                column: "SchoolId",
                principalTable: "Schools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IndicatorValues_Schools_SchoolId",
                table: "IndicatorValues");

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
