"""The one-machine production path: production settings behind deploy/nginx/cityhall.conf, over TLS.

The documented nginx configuration is used as written; only the host name, the certificate,
the folders and the ports are replaced, as docs/deploy.md tells an installer to do. nginx
(Debian's package) and `manage.py serve` run as real processes.
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import secrets
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from conftest import _free_port
from tests.integration.running import ROOT, manage, process_env, running, served, wait_for

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")


def _certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "fullchain.pem", folder / "privkey.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def _site_config(tmp_path: Path, app_port: int, http_port: int, https_port: int, static: Path) -> str:
    cert, key = _certificate(tmp_path)
    site = (ROOT / "deploy" / "nginx" / "cityhall.conf").read_text(encoding="utf-8")
    site = re.sub(r"\n\s*listen \[::\]:[^\n]*", "", site)  # no IPv6 in the sandbox
    replacements = {
        "city.example.jp": "localhost",
        "/etc/letsencrypt/live/localhost/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/localhost/privkey.pem": str(key),
        "/srv/cityhall/var/static/": f"{static}/",
        "127.0.0.1:8000": f"127.0.0.1:{app_port}",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "https://$host$request_uri": f"https://$host:{https_port}$request_uri",
    }
    for old, new in replacements.items():
        assert old in site, f"deploy/nginx/cityhall.conf no longer has {old!r}"
        site = site.replace(old, new)
    return site


def _nginx_config(tmp_path: Path, site: str) -> Path:
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"""user root;
daemon off;
pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {tmp_path}/access.log;
    client_body_temp_path {tmp_path}/body;
    proxy_temp_path {tmp_path}/proxy;
    fastcgi_temp_path {tmp_path}/fastcgi;
    uwsgi_temp_path {tmp_path}/uwsgi;
    scgi_temp_path {tmp_path}/scgi;
    include {tmp_path}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return main


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def _get(port: int, path: str, *, tls: bool, **headers: str) -> http.client.HTTPResponse:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # our own certificate
        connection: http.client.HTTPConnection = http.client.HTTPSConnection("127.0.0.1", port, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", path, headers={"Host": f"localhost:{port}", **headers})
    try:
        response = connection.getresponse()
        response.read()
    finally:
        connection.close()
    return response


def test_production_settings_behind_the_documented_nginx(tmp_path):
    app_port, http_port, https_port = _free_port(), _free_port(), _free_port()
    env = process_env(
        tmp_path,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",  # 127.0.0.1: the health check, as a load balancer asks
        CSRF_TRUSTED_ORIGINS=f"https://localhost:{https_port}",
        CITYHALL_BASE_URL=f"https://localhost:{https_port}",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(_free_port()),
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    static = tmp_path / "static"
    config = _nginx_config(tmp_path, _site_config(tmp_path, app_port, http_port, https_port, static))
    test = subprocess.run([NGINX, "-t", "-c", str(config)], capture_output=True, text=True, check=False)
    assert test.returncode == 0, test.stderr
    outputs: list[str] = []
    with served(env, app_port, outputs, workers=2), running([NGINX, "-c", str(config)], env, outputs):
        assert wait_for(lambda: _accepts(https_port)), (tmp_path / "error.log").read_text()

        plain = _get(http_port, "/", tls=False)
        assert plain.status == 301
        assert plain.getheader("Location") == f"https://localhost:{https_port}/"

        page = _get(https_port, "/", tls=True)
        assert page.status == 200
        assert "max-age=" in page.getheader("Strict-Transport-Security", "")  # Django saw https (X-Forwarded-Proto)

        stylesheet = next(static.glob("css/cityhall.*.css")).name
        asset = _get(https_port, f"/static/css/{stylesheet}", tls=True)
        assert asset.status == 200
        # `expires 1y` in the nginx config: WhiteNoise, had Django served it, says ten years (315360000)
        assert asset.getheader("Cache-Control", "").startswith("max-age=31536000,")

        media = _get(https_port, "/media/uploads/anything.pdf", tls=True)
        assert media.status == 404  # stored files are never served from a folder
    assert any("(2 web processes)" in output for output in outputs)
