#!/usr/bin/env python3
"""A Lingowire partner client in the Python standard library: follows the feed from a saved cursor, and verifies
Standard Webhooks signatures. Run by the gateway's tests (PartnerGuideIT), so it keeps working.

  lingowire_partner.py feed   --url https://wire.example --key lwp_... [--lang es] [--state cursor.txt] [--once]
  lingowire_partner.py verify --secret whsec_... --id MSG_ID --timestamp TS --signature 'v1,...' --body body.json
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def pull(base, key, cursor=None, lang=None, wait=30):
    """One page of the feed: (items, next cursor). Waits up to `wait` seconds when there is nothing new."""
    query = {"limit": "100", "wait": str(wait)}
    if cursor:
        query["cursor"] = cursor
    if lang:
        query["lang"] = lang
    request = urllib.request.Request(base.rstrip("/") + "/partner/v1/feed?" + urllib.parse.urlencode(query),
                                     headers={"Authorization": "Bearer " + key, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=wait + 15) as answer:
        page = json.load(answer)
    return page["items"], page["next"]


def follow(base, key, lang=None, state=None, once=False, wait=30):
    """Prints each item as it arrives; keeps the cursor in `state`, so a restart resumes where it stopped."""
    cursor = None
    if state:
        try:
            with open(state) as f:
                cursor = f.read().strip() or None
        except FileNotFoundError:
            pass
    while True:
        items, cursor = pull(base, key, cursor, lang, 0 if once else wait)
        for item in items:
            headline = item["headlines"][0]["value"] if item.get("headlines") else ""
            print(item["uri"], item["language"], "v" + item["version"], item["pubStatus"], headline, sep="\t")
        if state:
            with open(state, "w") as f:
                f.write(cursor)
        if once and not items:
            return


def verify(secret, msg_id, timestamp, signatures, body, tolerance=300):
    """The event of a Standard Webhooks message, or ValueError. `body` is the raw bytes as received."""
    if abs(time.time() - int(timestamp)) > tolerance:
        raise ValueError("timestamp outside the tolerance: a replay, or a clock off")
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for signature in signatures.split():
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return json.loads(body)
    raise ValueError("no valid signature")


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    feed = commands.add_parser("feed")
    feed.add_argument("--url", required=True)
    feed.add_argument("--key", required=True)
    feed.add_argument("--lang")
    feed.add_argument("--state")
    feed.add_argument("--once", action="store_true", help="stop at the end of the feed instead of waiting")
    check = commands.add_parser("verify")
    for name in ("--secret", "--id", "--timestamp", "--signature", "--body"):
        check.add_argument(name, required=True)
    args = parser.parse_args()
    if args.command == "feed":
        follow(args.url, args.key, args.lang, args.state, args.once)
        return 0
    with open(args.body, "rb") as f:
        body = f.read()
    try:
        event = verify(args.secret, args.id, args.timestamp, args.signature, body)
    except ValueError as refused:
        print("refused:", refused, file=sys.stderr)
        return 1
    print(event["type"], event["data"]["id"], event["data"].get("language", ""), sep="\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
