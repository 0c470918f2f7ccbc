using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExpenditureReversals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a column with its foreign key in place; AddForeignKey would rebuild the table outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"Expenditures\" ADD COLUMN \"ReversesId\" INTEGER NULL CONSTRAINT \"FK_Expenditures_Expenditures_ReversesId\" REFERENCES \"Expenditures\" (\"Id\") ON DELETE RESTRICT");

            migrationBuilder.CreateIndex(
                name: "IX_Expenditures_ReversesId",
                table: "Expenditures",
                column: "ReversesId",
                unique: true);

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
