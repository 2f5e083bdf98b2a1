// Reads one Statuspage v2 page with the npm `statuspage.io` client (given the page root, as a user would configure
// it) and prints every document it read as one JSON object. Used by StatuspageClientIntegrationTests.
'use strict';
const { Statuspage } = require('statuspage.io');

async function main() {
  const root = process.argv[2];
  const client = new Statuspage('llmstatus');
  client.setApiUrl(root);
  const api = client.api;
  const out = {
    summary: await api.getSummary(),
    status: await api.getStatus(),
    components: await api.getComponents(),
    incidents: await api.incidents.getAll(),
    unresolved: await api.incidents.getUnresolved(),
    upcoming: await api.scheduledMaintenances.getUpcoming(),
  };
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(String(error && error.message ? error.message : error) + '\n');
  process.exit(1);
});
