import { Module } from '@nestjs/common';
import { LoadersFactory } from './loaders.js';

/** Each request's Loaders; the loaders themselves belong to the features (`x.loaders.ts`). */
@Module({
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
