using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorksheetBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorksheetBudgetLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorksheetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Pagu = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: false),
                    PlannedToDate = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: true),
                    PlannedPeriod = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: true),
                    Realization = table.Column<decimal>(type: "TEXT", precision: 20, scale: 2, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorksheetBudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorksheetBudgetLines_BudgetItems_BudgetItemId",
                        column: x => x.BudgetItemId,
                        principalTable: "BudgetItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorksheetBudgetLines_Worksheets_WorksheetId",
                        column: x => x.WorksheetId,
                        principalTable: "Worksheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorksheetBudgetLines_BudgetItemId",
                table: "WorksheetBudgetLines",
                column: "BudgetItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorksheetBudgetLines_WorksheetId_BudgetItemId",
                table: "WorksheetBudgetLines",
                columns: new[] { "WorksheetId", "BudgetItemId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorksheetBudgetLines");
        }
    }
}
