// Helper process for embedded-postgres.test.ts: starts the server on argv's data directory and
// port, writes a row, says "ready", and waits to be killed.
import { startEmbeddedPostgres } from '../embedded-postgres';
import { withConnection } from '../server';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port) });
await withConnection(server.url, async (client) => {
  await client.query('CREATE TABLE kept (note text)');
  await client.query(`INSERT INTO kept VALUES ('written before the kill')`);
});
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
