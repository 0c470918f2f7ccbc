using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LeagueImprovementCommitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImprovementCommitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeagueId = table.Column<int>(type: "int", nullable: false),
                    MembershipId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Dimensions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    VisitId = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementCommitments_LeagueMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "LeagueMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementCommitments_Leagues_LeagueId",
                        column: x => x.LeagueId,
                        principalTable: "Leagues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImprovementCommitments_PeerVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "PeerVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommitmentId = table.Column<int>(type: "int", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PercentComplete = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementProgress_ImprovementCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "ImprovementCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCommitments_LeagueId",
                table: "ImprovementCommitments",
                column: "LeagueId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCommitments_MembershipId",
                table: "ImprovementCommitments",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCommitments_VisitId",
                table: "ImprovementCommitments",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementProgress_CommitmentId",
                table: "ImprovementProgress",
                column: "CommitmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImprovementProgress");

            migrationBuilder.DropTable(
                name: "ImprovementCommitments");
        }
    }
}
