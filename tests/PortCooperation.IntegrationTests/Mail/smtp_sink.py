#!/usr/bin/env python3
"""A real SMTP server on loopback for the mail tests (Debian: python3-aiosmtpd).

Usage: smtp_sink.py PORT OUT_DIR
Every message received is parsed with Python's email package and written to OUT_DIR as one JSON file
(subject, Message-ID, text and HTML bodies, attachments), so the tests read mails without a MIME parser.
"""
import asyncio
import base64
import json
import os
import signal
import sys
import uuid
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class JsonHandler:
    def __init__(self, out_dir):
        self.out_dir = out_dir

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        attachments = []
        for part in msg.iter_attachments():
            content = part.get_content()
            if isinstance(content, bytes):
                try:
                    content = content.decode("utf-8")
                except UnicodeDecodeError:
                    # A binary file (a Word document): handed to the test as base64.
                    content = base64.b64encode(content).decode("ascii")
            attachments.append({"filename": part.get_filename(), "contentType": part.get_content_type(), "content": content})
        data = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(msg["subject"]),
            "messageId": str(msg["message-id"]),
            "idempotencyKey": str(msg["x-portal-idempotency-key"]),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "attachments": attachments,
        }
        name = uuid.uuid4().hex
        tmp = os.path.join(self.out_dir, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, os.path.join(self.out_dir, name + ".json"))
        return "250 Message accepted for delivery"


def main():
    port = int(sys.argv[1])
    out_dir = sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    controller = Controller(JsonHandler(out_dir), hostname="127.0.0.1", port=port)
    controller.start()
    print("READY", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
