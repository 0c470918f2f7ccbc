using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ExpenditureReversals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReversesId",
                table: "Expenditures",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Expenditures_ReversesId",
                table: "Expenditures",
                column: "ReversesId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Expenditures_Expenditures_ReversesId",
                table: "Expenditures",
                column: "ReversesId",
                principalTable: "Expenditures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Expenditures_Expenditures_ReversesId",
                table: "Expenditures");

            migrationBuilder.DropIndex(
                name: "IX_Expenditures_ReversesId",
                table: "Expenditures");

            migrationBuilder.DropColumn(
                name: "ReversesId",
                table: "Expenditures");
        }
    }
}
