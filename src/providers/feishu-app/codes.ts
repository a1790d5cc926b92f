import type { CodeTable } from '../codes.js';

const SCOPE = 'grant the app the scope im:message:send_as_bot (or im:message) and publish a new version';

/** Business codes (HTTP 400 with `code` in the body) and what the user can do. */
export const CODES: CodeTable = {
  // Upload image / file (https://open.feishu.cn/document/server-docs/im-v1/image/create, …/file/create).
  234001: {
    meaning: 'invalid request parameter (upload)',
    hint: 'image_type must be message and the image a non-empty JPG/PNG/… of at most 10 MB; files at most 30 MB',
  },
  10003: { meaning: 'invalid parameter', hint: 'check `token` (App ID) and `secret` (App Secret)' },
  10014: { meaning: 'app secret invalid', hint: 'check `secret`: the App Secret of this App ID' },
  99991400: {
    meaning: 'rate limited',
    retry: 'retry',
    hint: 'the app exceeded its call rate; retried after the reset',
  },
  99991401: {
    meaning: 'caller IP not in the app IP allow-list',
    hint: "add the runner's egress IP to the app's IP allow-list (Security Settings), or route through `endpoint`",
  },
  99991661: { meaning: 'access token missing' },
  99991663: { meaning: 'tenant access token invalid or expired' },
  99991664: { meaning: 'app access token invalid' },
  99991668: { meaning: 'access token invalid' },
  99991671: { meaning: 'access token invalid' },
  99991672: { meaning: 'scope missing', hint: SCOPE },
  230001: { meaning: 'invalid parameter', hint: 'check `target`, `format` and `options` (details in the reply)' },
  230002: { meaning: 'the bot is not in the chat', hint: 'add the app bot to the group, or check the chat id' },
  230006: {
    meaning: 'bot ability not enabled',
    hint: 'enable the Bot feature of the app and publish a version',
  },
  230011: { meaning: 'the message was recalled', hint: 'update-message / reply-to names a recalled message' },
  230012: { meaning: 'the bot did not send this message', hint: 'only messages this app sent can be read back' },
  230013: {
    meaning: "the user is outside the app's availability scope, disabled or has left",
    hint: "add the user to the app's availability scope (Version Management & Release), or check the id",
  },
  230020: { meaning: 'rate limited', retry: 'retry', hint: 'at most 5 messages a second to one user or chat' },
  230022: { meaning: 'content rejected as sensitive' },
  230025: { meaning: 'content too long', hint: 'text at most 150 KB, card and post at most 30 KB' },
  230027: { meaning: 'permission missing', hint: SCOPE },
  230028: { meaning: 'content failed the data-loss-prevention audit' },
  230029: { meaning: 'the user has resigned', hint: 'remove the user from `target`' },
  230031: {
    meaning: 'the message is older than 14 days',
    hint: 'update-message works on cards at most 14 days old; post a new message instead',
  },
  230033: { meaning: 'the message is older than 7 days', hint: 'read receipts exist for 7 days' },
  230034: { meaning: 'invalid receive_id', hint: 'check `target`: the id must match its prefix (chat:, user:, …)' },
  230035: { meaning: 'no permission to send (muted, blocked or tenant policy)' },
  230053: { meaning: 'the user stopped the bot from messaging them' },
  230071: { meaning: 'this chat does not support thread replies', hint: 'drop `reply-to` for this chat' },
  230099: { meaning: 'card build failed', hint: 'check `options` merged into the card' },
  230110: { meaning: 'the message was deleted', hint: 'update-message / reply-to names a deleted message' },
  232009: { meaning: 'the chat was dissolved', hint: 'check `target`' },
};
