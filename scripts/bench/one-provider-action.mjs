// A fixed-text, one-provider notifier of the leafney/dingtalk-action shape (github.com/leafney/dingtalk-action,
// index.js): @actions/core for its inputs and failure, the status checked against a notify-when list, one DingTalk
// text signed with HMAC-SHA256 (`timestamp + "\n" + secret`, base64) and POSTed, the reply's errcode checked.
// leafney's action posts with axios; this one uses node:https/http, which is cheaper, so the baseline is, if
// anything, faster than the real action. Reads INPUT_* as the runner sets them; the stand-in's URL in
// INPUT_ENDPOINT (the real action hard-codes https://oapi.dingtalk.com/robot/send).
import * as core from '@actions/core';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

async function run() {
  try {
    const token = core.getInput('token', { required: true });
    const secret = core.getInput('secret');
    const status = core.getInput('status', { required: true });
    const notifyWhen = (core.getInput('notify_when') || 'success,failure,cancelled').split(',');
    if (!notifyWhen.includes(status)) return;
    const url = new URL(`/robot/send?access_token=${token}`, core.getInput('endpoint') || 'https://oapi.dingtalk.com');
    if (secret) {
      const timestamp = Date.now();
      url.searchParams.append('timestamp', String(timestamp));
      url.searchParams.append('sign', createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
    }
    const body = JSON.stringify({
      msgtype: 'text',
      text: { content: core.getInput('text') || `CI ${status}` },
      at: {},
    });
    const reply = await new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve(JSON.parse(text)));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    if (reply.errcode) throw new Error(`Dingtalk Robot Notify Return Error: [${reply.errcode}] ${reply.errmsg}`);
    core.info('Dingtalk Robot Notify Success');
  } catch (error) {
    core.setFailed(error.message);
  }
}

await run();
