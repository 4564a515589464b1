#!/usr/bin/env bash
# Posts the offline plan diff on a pull request as one comment, updated in place on every push.
# Usage: comment-plan-diff.sh <pull-request-number> <diff.md> <url of the run, whose job summary has the diff>
# Needs gh with GH_TOKEN, run inside the repository's checkout ({owner}/{repo} come from it).
#
# The comment is found by its marker, not with `gh pr comment --edit-last`: that edits the token user's last
# comment, and the Pulumi preview jobs comment with the same github-actions token, so it would overwrite theirs.
set -euo pipefail

pr="$1"
diff_file="$2"
run_url="$3"
marker='<!-- latency-edge:plan-diff -->'
# GitHub refuses a comment body over 65536 characters ("Body is too long"); a byte count bounds the characters.
limit=65000

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
if [ "$(wc -c < "$diff_file")" -gt "$limit" ]; then
  printf '%s\n## Offline plan diff\n\nToo long for a comment: it is in the job summary of %s\n' "$marker" "$run_url" > "$body"
else
  { echo "$marker"; cat "$diff_file"; } > "$body"
fi

existing="$(gh api "repos/{owner}/{repo}/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | tail -n 1)"
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/{owner}/{repo}/issues/comments/$existing" -F "body=@$body" > /dev/null
else
  gh pr comment "$pr" --body-file "$body"
fi
