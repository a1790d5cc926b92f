// The bench's former floor for a send, kept for reference: the same POST as cjs-post.cjs through `fetch`, which
// loads Node's bundled undici on first use. Usage: node fetch-post.mjs <base URL>
const reply = await fetch(`${process.argv[2]}/robot/send?access_token=bench`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ msgtype: 'text', text: { content: 'CI failed' } }),
});
if ((await reply.json()).errcode !== 0) process.exitCode = 1;
