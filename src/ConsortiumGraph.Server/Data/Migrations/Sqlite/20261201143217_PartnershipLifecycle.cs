using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnershipLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsLead",
                table: "PartnershipMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Partnerships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosingReason",
                table: "Partnerships",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsFiscalAgent",
                table: "PartnershipMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "PartnershipMembers",
                type: "TEXT",
                nullable: true);

            // SQLite adds a column with its foreign key in place; AddForeignKey would rebuild the table outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"Decisions\" ADD COLUMN \"ProposedByDistrictId\" INTEGER NULL CONSTRAINT \"FK_Decisions_Districts_ProposedByDistrictId\" REFERENCES \"Districts\" (\"Id\") ON DELETE RESTRICT");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "Decisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeSummary",
                table: "Agreements",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Agreements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Roles became a set: the one stored role becomes two flags (Role: 0 lead, 1 fiscal agent, 2 member).
            migrationBuilder.Sql("UPDATE \"PartnershipMembers\" SET \"IsLead\" = CASE WHEN \"Role\" = 0 THEN 1 ELSE 0 END, \"IsFiscalAgent\" = CASE WHEN \"Role\" = 1 THEN 1 ELSE 0 END");

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


            // SQLite 3.35 drops a column in place: no table rebuild, so the whole migration stays in one transaction.
            migrationBuilder.Sql("ALTER TABLE \"PartnershipMembers\" DROP COLUMN \"Role\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "PartnershipMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.Sql("UPDATE \"PartnershipMembers\" SET \"Role\" = CASE WHEN \"IsLead\" = 1 THEN 0 WHEN \"IsFiscalAgent\" = 1 THEN 1 ELSE 2 END");

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

            migrationBuilder.DropColumn(
                name: "IsLead",
                table: "PartnershipMembers");
        }
    }
}
