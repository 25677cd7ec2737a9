// `node bench/validation.mjs` (after `npm run build`): the time to validate the inputs of two of the
// benchmark's mutations as the service does (class-transformer, then class-validator with the
// service's options), with class-validator's rule lookup as it comes and with the rules kept
// (src/common/validation-rules.ts). Each way runs three times, each in a process of its own, so that
// neither sees the other's kept rules; prints the median microseconds per validation.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROUNDS = 50_000;

async function measure(keep) {
  await import('reflect-metadata');
  const { plainToInstance } = await import('class-transformer');
  const { validate } = await import('class-validator');
  // Every input class of the service registered, as in the running service.
  await import('../dist/src/app.module.js');
  const { CreateContactInput } = await import('../dist/src/contacts/dto/contact.inputs.js');
  const { UpdateInteractionInput } = await import('../dist/src/interactions/dto/interaction.inputs.js');
  if (keep) (await import('../dist/src/common/validation-rules.js')).keepValidationRules();
  const inputs = {
    createContact: [
      CreateContactInput,
      { fullName: 'Tebwaa Kiribati', stateIso3: 'KIR', posting: 'CAPITAL', position: 'Secretary', languages: ['en'] },
    ],
    updateInteraction: [UpdateInteractionInput, { outcome: 'The Mission will report to the capital', expectedVersion: 3 }],
  };
  const micros = {};
  for (const [name, [type, plain]] of Object.entries(inputs)) {
    const run = async (n) => {
      for (let i = 0; i < n; i++) {
        const errors = await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
        if (errors.length) throw new Error(`${name}: ${JSON.stringify(errors)}`);
      }
    };
    await run(5000);
    const start = process.hrtime.bigint();
    await run(ROUNDS);
    micros[name] = Number(process.hrtime.bigint() - start) / ROUNDS / 1000;
  }
  return micros;
}

if (process.argv[2] === '--one') {
  console.log(JSON.stringify(await measure(process.argv[3] === 'kept')));
  process.exit(0);
}

const script = fileURLToPath(import.meta.url);
const runs = { 'as it comes': [], 'rules kept': [] };
for (let round = 0; round < 3; round++) {
  for (const [way, flag] of [
    ['as it comes', 'plain'],
    ['rules kept', 'kept'],
  ]) {
    const out = execFileSync(process.execPath, [script, '--one', flag], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    runs[way].push(JSON.parse(out.trim().split('\n').pop()));
  }
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log('| input | as it comes, µs | rules kept, µs |\n| --- | ---: | ---: |');
for (const name of Object.keys(runs['as it comes'][0])) {
  const [plain, kept] = ['as it comes', 'rules kept'].map((way) => median(runs[way].map((r) => r[name])).toFixed(1));
  console.log(`| ${name} | ${plain} | ${kept} |`);
}
