using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kinerja.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorksheetAgencyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Worksheets_AgencyId_Status",
                table: "Worksheets",
                columns: new[] { "AgencyId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Worksheets_AgencyId_Status",
                table: "Worksheets");
        }
    }
}
