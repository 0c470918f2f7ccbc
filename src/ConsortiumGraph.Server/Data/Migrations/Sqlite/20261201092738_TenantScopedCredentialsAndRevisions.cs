using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenantScopedCredentialsAndRevisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "IndicatorValues",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Commitments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ApiKeyConsortia",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApiKeyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsortiumId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeyConsortia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeyConsortia_ApiKeys_ApiKeyId",
                        column: x => x.ApiKeyId,
                        principalTable: "ApiKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ApiKeyConsortia_Consortia_ConsortiumId",
                        column: x => x.ConsortiumId,
                        principalTable: "Consortia",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeyConsortia_ApiKeyId_ConsortiumId",
                table: "ApiKeyConsortia",
                columns: new[] { "ApiKeyId", "ConsortiumId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeyConsortia_ConsortiumId",
                table: "ApiKeyConsortia",
                column: "ConsortiumId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeyConsortia");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Commitments");
        }
    }
}
