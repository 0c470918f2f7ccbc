using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LeagueLearningGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LearningGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LeagueId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Focus = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Dimensions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FormedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningGroups_Leagues_LeagueId",
                        column: x => x.LeagueId,
                        principalTable: "Leagues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    MetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningGroupMeetings_LearningGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "LearningGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GroupId = table.Column<int>(type: "int", nullable: false),
                    EducatorId = table.Column<int>(type: "int", nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningGroupMembers_Educators_EducatorId",
                        column: x => x.EducatorId,
                        principalTable: "Educators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningGroupMembers_LearningGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "LearningGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningGroupAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MeetingId = table.Column<int>(type: "int", nullable: false),
                    EducatorId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningGroupAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningGroupAttendance_Educators_EducatorId",
                        column: x => x.EducatorId,
                        principalTable: "Educators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LearningGroupAttendance_LearningGroupMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "LearningGroupMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroupAttendance_EducatorId",
                table: "LearningGroupAttendance",
                column: "EducatorId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroupAttendance_MeetingId_EducatorId",
                table: "LearningGroupAttendance",
                columns: new[] { "MeetingId", "EducatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroupMeetings_GroupId_MetOn",
                table: "LearningGroupMeetings",
                columns: new[] { "GroupId", "MetOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroupMembers_EducatorId",
                table: "LearningGroupMembers",
                column: "EducatorId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroupMembers_GroupId_EducatorId",
                table: "LearningGroupMembers",
                columns: new[] { "GroupId", "EducatorId" });

            migrationBuilder.CreateIndex(
                name: "IX_LearningGroups_LeagueId_Name",
                table: "LearningGroups",
                columns: new[] { "LeagueId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LearningGroupAttendance");

            migrationBuilder.DropTable(
                name: "LearningGroupMembers");

            migrationBuilder.DropTable(
                name: "LearningGroupMeetings");

            migrationBuilder.DropTable(
                name: "LearningGroups");
        }
    }
}
