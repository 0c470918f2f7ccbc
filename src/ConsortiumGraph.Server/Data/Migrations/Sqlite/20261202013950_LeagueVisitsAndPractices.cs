using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeagueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeagueId = table.Column<int>(type: "INTEGER", nullable: false),
                    HostMembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FocusQuestion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeagueId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWorked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatDidNot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: false),
                    GradeLevels = table.Column<string>(type: "TEXT", nullable: false),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EducatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EducatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Suggestions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Full-text search over shared practices (PracticeSearch): an FTS5 index of the four texts, with porter
            // stemming, kept in step with the table by triggers; EF Core's model knows nothing of it.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SharedPracticeSearch" USING fts5("Title", "Summary", "WhatWorked", "WhatDidNot",
                    content='SharedPractices', content_rowid='Id', tokenize='porter unicode61');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SharedPractices_search_insert" AFTER INSERT ON "SharedPractices" BEGIN
                    INSERT INTO "SharedPracticeSearch"(rowid, "Title", "Summary", "WhatWorked", "WhatDidNot")
                    VALUES (new."Id", new."Title", new."Summary", new."WhatWorked", new."WhatDidNot");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SharedPractices_search_delete" AFTER DELETE ON "SharedPractices" BEGIN
                    INSERT INTO "SharedPracticeSearch"("SharedPracticeSearch", rowid, "Title", "Summary", "WhatWorked", "WhatDidNot")
                    VALUES ('delete', old."Id", old."Title", old."Summary", old."WhatWorked", old."WhatDidNot");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SharedPractices_search_update" AFTER UPDATE ON "SharedPractices" BEGIN
                    INSERT INTO "SharedPracticeSearch"("SharedPracticeSearch", rowid, "Title", "Summary", "WhatWorked", "WhatDidNot")
                    VALUES ('delete', old."Id", old."Title", old."Summary", old."WhatWorked", old."WhatDidNot");
                    INSERT INTO "SharedPracticeSearch"(rowid, "Title", "Summary", "WhatWorked", "WhatDidNot")
                    VALUES (new."Id", new."Title", new."Summary", new."WhatWorked", new."WhatDidNot");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SharedPractices_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER "SharedPractices_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "SharedPractices_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE "SharedPracticeSearch";""");

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
