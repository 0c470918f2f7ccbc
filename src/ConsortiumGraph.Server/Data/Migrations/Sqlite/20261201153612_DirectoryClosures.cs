using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectoryClosures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Schools",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Districts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "ConsortiumMemberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchiveReason",
                table: "Consortia",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ArchivedOn",
                table: "Consortia",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "ConsortiumMemberships");

            migrationBuilder.DropColumn(
                name: "ArchiveReason",
                table: "Consortia");

            migrationBuilder.DropColumn(
                name: "ArchivedOn",
                table: "Consortia");
        }
    }
}
