using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ConsortiumGraph.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrantBooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Grants_FunderId",
                table: "Grants");

            migrationBuilder.AddColumn<string>(
                name: "AwardNumber",
                table: "Grants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BudgetVersion",
                table: "Grants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Grants",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseoutNote",
                table: "Grants",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "MatchRequiredCents",
                table: "Grants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Grants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "Grants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Funders",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Funders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Funders",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Drawdowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceivedAmountCents = table.Column<long>(type: "bigint", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drawdowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drawdowns_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Expenditures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FundedBy = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expenditures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Expenditures_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Expenditures_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AmountBeforeCents = table.Column<long>(type: "bigint", nullable: false),
                    AmountAfterCents = table.Column<long>(type: "bigint", nullable: false),
                    StartsOnBefore = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOnAfter = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOnBefore = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOnAfter = table.Column<DateOnly>(type: "date", nullable: false),
                    FiscalAgentBeforeId = table.Column<int>(type: "integer", nullable: false),
                    FiscalAgentAfterId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantAmendments_Districts_FiscalAgentAfterId",
                        column: x => x.FiscalAgentAfterId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantAmendments_Districts_FiscalAgentBeforeId",
                        column: x => x.FiscalAgentBeforeId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantAmendments_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantBudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantBudgetLines_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantBudgetLines_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantBudgetRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TotalCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantBudgetRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantBudgetRevisions_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantReports_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_FunderId_AwardNumber",
                table: "Grants",
                columns: new[] { "FunderId", "AwardNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Drawdowns_GrantId_RequestedOn",
                table: "Drawdowns",
                columns: new[] { "GrantId", "RequestedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenditures_DistrictId",
                table: "Expenditures",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenditures_GrantId_SpentOn_Id",
                table: "Expenditures",
                columns: new[] { "GrantId", "SpentOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantAmendments_FiscalAgentAfterId",
                table: "GrantAmendments",
                column: "FiscalAgentAfterId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAmendments_FiscalAgentBeforeId",
                table: "GrantAmendments",
                column: "FiscalAgentBeforeId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantAmendments_GrantId_Number",
                table: "GrantAmendments",
                columns: new[] { "GrantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgetLines_DistrictId",
                table: "GrantBudgetLines",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgetLines_GrantId_Revision",
                table: "GrantBudgetLines",
                columns: new[] { "GrantId", "Revision" });

            migrationBuilder.CreateIndex(
                name: "IX_GrantBudgetRevisions_GrantId_Number",
                table: "GrantBudgetRevisions",
                columns: new[] { "GrantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrantReports_GrantId_DueOn",
                table: "GrantReports",
                columns: new[] { "GrantId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Drawdowns");

            migrationBuilder.DropTable(
                name: "Expenditures");

            migrationBuilder.DropTable(
                name: "GrantAmendments");

            migrationBuilder.DropTable(
                name: "GrantBudgetLines");

            migrationBuilder.DropTable(
                name: "GrantBudgetRevisions");

            migrationBuilder.DropTable(
                name: "GrantReports");

            migrationBuilder.DropIndex(
                name: "IX_Grants_FunderId_AwardNumber",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "AwardNumber",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "BudgetVersion",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "CloseoutNote",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "MatchRequiredCents",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Grants");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Funders");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Funders");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Funders");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_FunderId",
                table: "Grants",
                column: "FunderId");
        }
    }
}
