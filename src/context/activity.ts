/**
 * Events that are not builds (issues, comments, reviews, discussions): what happened, to what, by whom, and the
 * page to open. Titles and bodies are strangers' text; the renderers escape them like every other value.
 */
import { compact } from '../model/config.js';
import type { ActivityInfo } from '../model/context.js';
import { jsonNumber as num, jsonObject as obj, jsonText as str, type Json } from '../model/payload.js';

/**
 * An issue or a discussion, or a comment on one: with a comment, its page, author and text; the subject gives the
 * number and title, and its page when the comment has none.
 */
function thread(
  subject: Json,
  comment: Json | undefined,
  [kind, commentKind]: [ActivityInfo['kind'], ActivityInfo['kind']],
  action: string | undefined,
): ActivityInfo {
  const said = comment ?? subject;
  return compact<ActivityInfo>({
    kind: comment ? commentKind : kind,
    number: num(subject.number),
    title: str(subject.title) ?? '',
    url: str(comment?.html_url) ?? str(subject.html_url),
    action,
    author: str(obj(said.user)?.login),
    body: str(said.body),
  });
}

export function activityOf(eventName: string | undefined, payload: Json): ActivityInfo | undefined {
  const action = str(payload.action);
  const comment = obj(payload.comment);
  switch (eventName) {
    case 'issues':
    case 'issue_comment': {
      const issue = obj(payload.issue);
      if (!issue) return undefined;
      const onComment = eventName === 'issue_comment' ? comment : undefined;
      return {
        ...thread(issue, onComment, ['issue', 'issue-comment'], action),
        pullRequest: obj(issue.pull_request) !== undefined,
      };
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
      const onComment = eventName === 'discussion_comment' ? comment : undefined;
      return thread(discussion, onComment, ['discussion', 'discussion-comment'], action);
    }
    default:
      return undefined;
  }
}
