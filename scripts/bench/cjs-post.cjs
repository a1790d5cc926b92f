// The floor for a send (docs/performance.md): the cheapest possible POST from Node, a CommonJS script that
// `require`s node:http (built-ins reached through `require` skip building an ES module namespace) and posts one
// unsigned DingTalk text to the bench's stand-in. Usage: node cjs-post.cjs <base URL>
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the point of this floor is `require`
const http = require('node:http');

const body = JSON.stringify({ msgtype: 'text', text: { content: 'CI failed' } });
const request = http.request(
  `${process.argv[2]}/robot/send?access_token=bench`,
  { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
  (response) => {
    let reply = '';
    response.on('data', (chunk) => (reply += chunk));
    response.on('end', () => {
      if (JSON.parse(reply).errcode !== 0) process.exitCode = 1;
    });
  },
);
request.end(body);
