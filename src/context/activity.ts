/**
 * Events that are not builds (issues, comments, reviews, discussions): what happened, to what, by whom, and the
 * page to open. Titles and bodies are strangers' text; the renderers escape them like every other value.
 */
import { compact } from '../model/config.js';
import type { ActivityInfo } from '../model/context.js';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function activityOf(eventName: string | undefined, payload: Json): ActivityInfo | undefined {
  const action = str(payload.action);
  const comment = obj(payload.comment);
  switch (eventName) {
    case 'issues':
    case 'issue_comment': {
      const issue = obj(payload.issue);
      if (!issue) return undefined;
      const onComment = eventName === 'issue_comment' && comment;
      return compact<ActivityInfo>({
        kind: onComment ? 'issue-comment' : 'issue',
        number: num(issue.number),
        title: str(issue.title) ?? '',
        url: str(onComment ? comment.html_url : undefined) ?? str(issue.html_url),
        action,
        author: str(obj(onComment ? comment.user : issue.user)?.login),
        body: str(onComment ? comment.body : issue.body),
        pullRequest: obj(issue.pull_request) !== undefined,
      });
    }
    case 'pull_request_review':
    case 'pull_request_review_comment': {
      const pr = obj(payload.pull_request);
      const review = eventName === 'pull_request_review' ? obj(payload.review) : comment;
      if (!pr || !review) return undefined;
      return compact<ActivityInfo>({
        kind: eventName === 'pull_request_review' ? 'review' : 'review-comment',
        number: num(pr.number),
        title: str(pr.title) ?? '',
        url: str(review.html_url) ?? str(pr.html_url),
        action,
        state: str(review.state)?.toLowerCase(),
        author: str(obj(review.user)?.login),
        body: str(review.body),
      });
    }
    case 'discussion':
    case 'discussion_comment': {
      const discussion = obj(payload.discussion);
      if (!discussion) return undefined;
      const onComment = eventName === 'discussion_comment' && comment;
      return compact<ActivityInfo>({
        kind: onComment ? 'discussion-comment' : 'discussion',
        number: num(discussion.number),
        title: str(discussion.title) ?? '',
        url: str(onComment ? comment.html_url : undefined) ?? str(discussion.html_url),
        action,
        author: str(obj(onComment ? comment.user : discussion.user)?.login),
        body: str(onComment ? comment.body : discussion.body),
      });
    }
    default:
      return undefined;
  }
}
