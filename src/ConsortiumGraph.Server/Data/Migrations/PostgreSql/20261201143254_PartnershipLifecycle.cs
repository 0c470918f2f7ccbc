using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PartnershipLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Partnerships",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingReason",
                table: "Partnerships",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFiscalAgent",
                table: "PartnershipMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsLead",
                table: "PartnershipMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "PartnershipMembers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProposedByDistrictId",
                table: "Decisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Decisions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeSummary",
                table: "Agreements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "Agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Agreements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Roles became a set: the one stored role becomes two flags (Role: 0 lead, 1 fiscal agent, 2 member).
            migrationBuilder.Sql("UPDATE \"PartnershipMembers\" SET \"IsLead\" = CASE WHEN \"Role\" = 0 THEN TRUE ELSE FALSE END, \"IsFiscalAgent\" = CASE WHEN \"Role\" = 1 THEN TRUE ELSE FALSE END");

            // An agreement with an effective date was signed by every member: in force, unless a newer signed version superseded it.
            migrationBuilder.Sql("UPDATE \"Agreements\" SET \"Status\" = CASE WHEN \"EffectiveOn\" IS NULL THEN 0 ELSE 1 END");
            migrationBuilder.Sql("UPDATE \"Agreements\" SET \"Status\" = 2 WHERE \"Status\" = 1 AND EXISTS (SELECT 1 FROM \"Agreements\" AS \"newer\" WHERE \"newer\".\"PartnershipId\" = \"Agreements\".\"PartnershipId\" AND \"newer\".\"Version\" > \"Agreements\".\"Version\" AND \"newer\".\"EffectiveOn\" IS NOT NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ProposedByDistrictId",
                table: "Decisions",
                column: "ProposedByDistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_ExpiresOn",
                table: "Agreements",
                columns: new[] { "Status", "ExpiresOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_Districts_ProposedByDistrictId",
                table: "Decisions",
                column: "ProposedByDistrictId",
                principalTable: "Districts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.DropColumn(
                name: "Role",
                table: "PartnershipMembers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "PartnershipMembers",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.Sql("UPDATE \"PartnershipMembers\" SET \"Role\" = CASE WHEN \"IsLead\" THEN 0 WHEN \"IsFiscalAgent\" THEN 1 ELSE 2 END");

            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_Districts_ProposedByDistrictId",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_ProposedByDistrictId",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_Status_ExpiresOn",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "ClosingReason",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "IsFiscalAgent",
                table: "PartnershipMembers");

            migrationBuilder.DropColumn(
                name: "IsLead",
                table: "PartnershipMembers");

            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "PartnershipMembers");

            migrationBuilder.DropColumn(
                name: "ProposedByDistrictId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ChangeSummary",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Agreements");

        }
    }
}
