// Subscribes with the graphql-ws client the way a dashboard would, prints READY once subscribed,
// then prints the first event it receives as JSON and exits (0 on an event, 1 on an error or a timeout).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token] = process.argv.slice(2);
const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, retryAttempts: 0 });
const timer = setTimeout(() => { console.error('TIMEOUT'); process.exit(1); }, 30000);
client.on('connected', () => setTimeout(() => console.log('READY'), 300));
client.subscribe(
  { query: 'subscription { voteCast { title votes { choice district { code } } } }' },
  {
    next: (result) => { console.log(JSON.stringify(result)); clearTimeout(timer); client.dispose(); process.exit(0); },
    error: (error) => { console.error('ERROR', JSON.stringify(error)); process.exit(1); },
    complete: () => {},
  },
);
