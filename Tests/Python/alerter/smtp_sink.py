"""An SMTP sink for the alerter tests, on aiosmtpd (PyPI): stores every message as JSON in a directory.

python3 smtp_sink.py --dir DIR [--starttls] [--require-starttls] [--auth USER:PASSWORD]
                     [--no-auth-plain] [--transient-rcpt-failures N] [--reject ADDRESS]
Binds 127.0.0.1 on a free port, writes it to DIR/port, serves until its standard input closes.
With --starttls a CA and a server certificate for localhost/127.0.0.1 are generated (with `cryptography`)
into DIR/ca.pem, and STARTTLS is offered. Each message is saved as DIR/message-NNNN.json with the envelope,
the raw DATA, the parsed headers and the decoded body.
"""
import argparse
import asyncio
import datetime
import email
import email.policy
import ipaddress
import json
import os
import ssl
import sys

from sink_lifetime import announce_port, exit_with_parent

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificates(directory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "alerter test CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = {name: os.path.join(directory, name) for name in ("ca.pem", "cert.pem", "key.pem")}
    with open(paths["ca.pem"], "wb") as f:
        f.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths["cert.pem"], "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(paths["key.pem"], "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(paths["cert.pem"], paths["key.pem"])
    return context


class Recorder:
    def __init__(self, directory, transient_failures, rejected):
        self.directory = directory
        self.count = 0
        self.transient_failures = transient_failures
        self.rejected = set(rejected)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.rejected:
            return "550 5.1.1 <%s>: no such user" % address
        if self.transient_failures > 0:
            self.transient_failures -= 1
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        index = self.count
        self.count += 1
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "raw": raw.decode("utf-8", "replace"),
            "tls": session.ssl is not None,
            "authenticated_as": session.auth_data if session.authenticated else None,
            "headers": {name: str(value) for name, value in message.items()},
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "body": message.get_content().replace("\r\n", "\n"),
        }
        path = os.path.join(self.directory, "message-%04d.json" % index)
        with open(path + ".tmp", "w") as f:
            json.dump(record, f)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 OK queued as sink-%d" % index


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--auth", default=None, help="USER:PASSWORD accepted by AUTH PLAIN/LOGIN")
    parser.add_argument("--no-auth-plain", action="store_true", help="offer AUTH LOGIN only")
    parser.add_argument("--transient-rcpt-failures", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    args = parser.parse_args()

    tls_context = make_certificates(args.dir) if args.starttls else None
    handler = Recorder(args.dir, args.transient_rcpt_failures, args.reject)
    authenticator = None
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            # handled=False makes aiosmtpd answer 535 itself on failure.
            return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

    def factory():
        return SMTP(handler, hostname="sink.test", tls_context=tls_context, require_starttls=args.require_starttls,
                    authenticator=authenticator, auth_require_tls=tls_context is not None,
                    auth_exclude_mechanism=["PLAIN"] if args.no_auth_plain else [])

    exit_with_parent()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=0))
    announce_port(args.dir, server.sockets[0].getsockname()[1])
    loop.run_forever()


if __name__ == "__main__":
    sys.exit(main())
