using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PluginApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PluginApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Districts = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PluginApprovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PluginApprovals_Key_Sha256",
                table: "PluginApprovals",
                columns: new[] { "Key", "Sha256" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PluginApprovals");
        }
    }
}
