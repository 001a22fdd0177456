// Checks the engine's GraphQL subscriptions with graphql-ws, a client independent of the engine:
//   node check-subscription.mjs <ws://host/graphql> <http://host/graphql> <Resource> [authorization header value]
// The resource needs the fields title (String, required) and rank (Int). Two subscriptions run on one connection:
//   A: node title starts with "keep" (every kind of event);  B: updates that changed rank.
// Mutations go over HTTP; events of one record arrive in commit order, so each check reads the next event of its record.
// Exits non-zero when anything fails; ends with "N passed, M failed".
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [wsUrl, httpUrl, resource, authorization] = process.argv.slice(2);
if (!wsUrl || !httpUrl || !resource) {
  console.error('usage: node check-subscription.mjs <ws url> <http url> <Resource> [authorization]');
  process.exit(2);
}

// The token goes in the handshake's Authorization header (ws accepts headers; browsers would need another way).
const headers = authorization ? { authorization } : {};
class AuthorizedWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols, { headers });
  }
}

const field = resource[0].toLowerCase() + resource.slice(1);
let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(error.message).replaceAll('\n', '\n     ')}`);
  }
}

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function graphql(query, variables) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** A subscription whose events are queued; next(id) waits for the next event of that record. */
function subscribe(client, query) {
  const events = [];
  const all = [];
  let failure = null;
  let wake = () => {};
  const dispose = client.subscribe({ query }, {
    next: (result) => {
      if (result.errors) {
        failure = new Error(JSON.stringify(result.errors));
      } else {
        events.push(result.data[field]);
        all.push(result.data[field]);
      }
      wake();
    },
    error: (error) => {
      failure = error instanceof Error ? error : new Error(JSON.stringify(error));
      wake();
    },
    complete: () => wake(),
  });
  const idOf = (event) => event.node?.id ?? event.previousValues?.id;
  return {
    all,
    dispose,
    get count() {
      return all.length;
    },
    async next(id, timeoutMs = 15000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (failure) {
          throw failure;
        }
        const index = events.findIndex((e) => id === undefined || idOf(e) === id);
        if (index >= 0) {
          return events.splice(index, 1)[0];
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new Error(`no event for ${id ?? 'any record'} within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 200));
        });
      }
    },
  };
}

const create = async (title, rank) => (await graphql(`mutation ($t: String!, $r: Int) { create${resource}(data: { title: $t, rank: $r }) { id } }`,
  { t: title, r: rank }))[`create${resource}`].id;
const update = (id, data) => {
  const [key] = Object.keys(data);
  const type = key === 'rank' ? 'Int' : 'String';
  return graphql(`mutation ($id: ID!, $v: ${type}) { update${resource}(where: { id: $id }, data: { ${key}: $v }) { id } }`, { id, v: data[key] });
};
const remove = (id) => graphql(`mutation ($id: ID!) { delete${resource}(where: { id: $id }) { id } }`, { id });

const client = createClient({ url: wsUrl, webSocketImpl: AuthorizedWebSocket, retryAttempts: 0, lazy: false });
const selection = 'mutation updatedFields node { id title rank } previousValues { id title rank }';
const all = subscribe(client, `subscription { ${field}(where: { node: { title_starts_with: "keep" } }) { ${selection} } }`);
const rank = subscribe(client, `subscription { ${field}(where: { mutation_in: [UPDATED], updatedFields_contains: "rank" }) { ${selection} } }`);

try {
  // The server starts subscriptions asynchronously: write warm-up records until both subscriptions have seen one.
  const deadline = Date.now() + 20000;
  for (let i = 0; all.count === 0 || rank.count === 0; i++) {
    assert(Date.now() < deadline, 'the subscriptions received no warm-up event within 20 s');
    const id = await create(`keep-warmup-${i}`, 0);
    await update(id, { rank: 1 });
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const keep = await create('keep-1', 1);
  const drop = await create('drop-1', 1);
  const created = await all.next(keep);
  check('CREATED: mutation, node read back, no updatedFields or previousValues', () => {
    assert(created.mutation === 'CREATED', JSON.stringify(created));
    assert(created.node.title === 'keep-1' && created.node.rank === 1, JSON.stringify(created.node));
    assert(created.updatedFields === null && created.previousValues === null, JSON.stringify(created));
  });

  await update(keep, { title: 'keep-2' });
  const renamed = await all.next(keep);
  check('UPDATED: updatedFields and previousValues', () => {
    assert(renamed.mutation === 'UPDATED', JSON.stringify(renamed));
    assert(renamed.updatedFields.includes('title') && !renamed.updatedFields.includes('rank'), JSON.stringify(renamed.updatedFields));
    assert(renamed.previousValues.title === 'keep-1' && renamed.node.title === 'keep-2', JSON.stringify(renamed));
  });

  await update(keep, { rank: 2 });
  const reranked = await all.next(keep);
  const rankOnly = await rank.next(keep);
  check('updatedFields_contains filter: only the update that changed rank', () => {
    assert(reranked.updatedFields.includes('rank'), JSON.stringify(reranked));
    assert(rankOnly.mutation === 'UPDATED' && rankOnly.previousValues.rank === 1 && rankOnly.node.rank === 2, JSON.stringify(rankOnly));
  });

  await remove(keep);
  const deleted = await all.next(keep);
  check('DELETED: node null, previousValues is the deleted record', () => {
    assert(deleted.mutation === 'DELETED' && deleted.node === null, JSON.stringify(deleted));
    assert(deleted.previousValues.id === keep && deleted.previousValues.title === 'keep-2', JSON.stringify(deleted.previousValues));
  });

  check('node filter: no event of a record whose title does not match', () => {
    const leaked = all.all.filter((e) => (e.node?.id ?? e.previousValues?.id) === drop);
    assert(leaked.length === 0, JSON.stringify(leaked));
  });
} catch (error) {
  failed++;
  console.log(`FAIL ${error.message}`);
} finally {
  all.dispose();
  rank.dispose();
  await client.dispose();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
