// Data source for the TypeORM CLI (the schema drift check): `typeorm -d dist/src/database/cli-data-source.js`.
import { loadConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { ENTITY_FILES } from './migration-files.js';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('The TypeORM CLI needs DATABASE_URL');
export default createDataSource(config.databaseUrl, config, undefined, [ENTITY_FILES]);
