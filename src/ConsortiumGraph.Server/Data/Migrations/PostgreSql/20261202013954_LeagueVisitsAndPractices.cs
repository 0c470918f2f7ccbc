using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LeagueVisitsAndPractices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Educators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeagueId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Educators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Educators_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Educators_Leagues_LeagueId",
                        column: x => x.LeagueId,
                        principalTable: "Leagues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Educators_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeagueId = table.Column<int>(type: "integer", nullable: false),
                    HostMembershipId = table.Column<int>(type: "integer", nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FocusQuestion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerVisits_LeagueMemberships_HostMembershipId",
                        column: x => x.HostMembershipId,
                        principalTable: "LeagueMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerVisits_Leagues_LeagueId",
                        column: x => x.LeagueId,
                        principalTable: "Leagues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharedPractices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LeagueId = table.Column<int>(type: "integer", nullable: false),
                    MembershipId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WhatWorked = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WhatDidNot = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Dimensions = table.Column<List<string>>(type: "text[]", nullable: false),
                    GradeLevels = table.Column<List<string>>(type: "text[]", nullable: false),
                    Links = table.Column<List<string>>(type: "text[]", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharedPractices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SharedPractices_LeagueMemberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "LeagueMemberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SharedPractices_Leagues_LeagueId",
                        column: x => x.LeagueId,
                        principalTable: "Leagues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeerVisitors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    EducatorId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerVisitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerVisitors_Educators_EducatorId",
                        column: x => x.EducatorId,
                        principalTable: "Educators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerVisitors_PeerVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "PeerVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeerVisitors_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisitFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    EducatorId = table.Column<int>(type: "integer", nullable: false),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Questions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Suggestions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitFeedback_Educators_EducatorId",
                        column: x => x.EducatorId,
                        principalTable: "Educators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitFeedback_PeerVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "PeerVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Educators_DistrictId",
                table: "Educators",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Educators_LeagueId_Email",
                table: "Educators",
                columns: new[] { "LeagueId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Educators_SchoolId",
                table: "Educators",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerVisitors_EducatorId",
                table: "PeerVisitors",
                column: "EducatorId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerVisitors_SchoolId",
                table: "PeerVisitors",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerVisitors_VisitId_EducatorId",
                table: "PeerVisitors",
                columns: new[] { "VisitId", "EducatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerVisits_HostMembershipId_VisitOn",
                table: "PeerVisits",
                columns: new[] { "HostMembershipId", "VisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PeerVisits_LeagueId_VisitOn",
                table: "PeerVisits",
                columns: new[] { "LeagueId", "VisitOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedPractices_LeagueId_SharedAt",
                table: "SharedPractices",
                columns: new[] { "LeagueId", "SharedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SharedPractices_MembershipId",
                table: "SharedPractices",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFeedback_EducatorId",
                table: "VisitFeedback",
                column: "EducatorId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitFeedback_VisitId_EducatorId",
                table: "VisitFeedback",
                columns: new[] { "VisitId", "EducatorId" },
                unique: true);

            // Full-text search over shared practices (PracticeSearch): a GIN index on the English text search vector
            // of the four texts; PracticeSearch.PostgreSqlDocument repeats this expression so that the index serves.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_SharedPractices_Search" ON "SharedPractices" USING GIN (to_tsvector('english'::regconfig, coalesce("Title", '') || ' ' || coalesce("Summary", '') || ' ' || coalesce("WhatWorked", '') || ' ' || coalesce("WhatDidNot", '')));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_SharedPractices_Search";""");

            migrationBuilder.DropTable(
                name: "PeerVisitors");

            migrationBuilder.DropTable(
                name: "SharedPractices");

            migrationBuilder.DropTable(
                name: "VisitFeedback");

            migrationBuilder.DropTable(
                name: "Educators");

            migrationBuilder.DropTable(
                name: "PeerVisits");
        }
    }
}
