#!/usr/bin/env python3
"""The naive listing Redux's is measured against (docs/performance.md): json.load every conversation file of a
folder, sort by updated_at, newest first, and print one line each (id, updated_at, model, message count, title).

Usage: bench/naive_list.py FOLDER
"""
import json
import os
import sys


def main(folder):
    rows = []
    for name in os.listdir(folder):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            conversation = json.load(file)
        messages = conversation.get("messages", [])
        title = next((m.get("content", "") for m in messages if m.get("role") == "user"), "")
        rows.append((conversation["updated_at"], conversation["conversation_id"], conversation.get("model_id", ""),
                     len(messages), title[:60]))
    rows.sort(reverse=True)
    out = sys.stdout
    for updated, conversation_id, model, count, title in rows:
        out.write(f"{conversation_id}  {updated}  {model}  {count}  {title}\n")


if __name__ == "__main__":
    main(sys.argv[1])
