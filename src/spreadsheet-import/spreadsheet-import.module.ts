import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SpreadsheetExportController } from './spreadsheet-export.controller.js';
import { SpreadsheetImportController } from './spreadsheet-import.controller.js';
import { SpreadsheetImportRepository } from './spreadsheet-import.repository.js';
import { SpreadsheetImportService } from './spreadsheet-import.service.js';

@Module({
  imports: [AuthModule],
  providers: [SpreadsheetImportRepository, SpreadsheetImportService],
  controllers: [SpreadsheetImportController, SpreadsheetExportController],
})
export class SpreadsheetImportModule {}
