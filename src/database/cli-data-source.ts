// Data source for the TypeORM CLI (the schema drift check): `typeorm -d dist/src/database/cli-data-source.js`.
// Its entities are every `*.entity.js` file of the build, found by name: an entity needs no list.
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('The TypeORM CLI needs DATABASE_URL');
export default createDataSource(config.databaseUrl, config, undefined, [fileURLToPath(new URL('../**/*.entity.js', import.meta.url))]);
