using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeagueId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: true),
                    DistrictId = table.Column<int>(type: "int", nullable: true),
                    State = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeagueId = table.Column<int>(type: "int", nullable: false),
                    HostMembershipId = table.Column<int>(type: "int", nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FocusQuestion = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeagueId = table.Column<int>(type: "int", nullable: false),
                    MembershipId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WhatWorked = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    WhatDidNot = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Dimensions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    GradeLevels = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Links = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    EducatorId = table.Column<int>(type: "int", nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    VisitId = table.Column<int>(type: "int", nullable: false),
                    EducatorId = table.Column<int>(type: "int", nullable: false),
                    Strengths = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Questions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Suggestions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                unique: true,
                filter: "[Email] IS NOT NULL");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
