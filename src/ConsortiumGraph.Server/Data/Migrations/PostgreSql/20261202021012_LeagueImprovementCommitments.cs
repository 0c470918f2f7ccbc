using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeagueId = table.Column<int>(type: "integer", nullable: false),
                    MembershipId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Dimensions = table.Column<List<string>>(type: "text[]", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitmentId = table.Column<int>(type: "integer", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PercentComplete = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
