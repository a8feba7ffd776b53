#!/bin/sh
# The one-shot `certs` job: leaves server.crt/server.key (and ca.crt) in /certs for the proxy.
#   - The customer's certificate, when /custom holds server.crt and server.key (compose mounts the secrets
#     directory's tls/ there): copied in, replacing whatever was there, so a renewed certificate takes effect
#     at the next `up`. ca.crt is the customer's chain (ca.crt if given, else server.crt).
#   - Otherwise an internal CA, made once (re-runs keep it, so browsers that trust it keep trusting it), and a
#     server certificate from it for DEVFORGE_HOSTNAMES (comma-separated; localhost and 127.0.0.1 always).
# The CA's key stays in the volume, readable by the proxy's user only; give ca.crt to the clients.
set -eu
out=/certs
umask 077
if [ -s /custom/server.crt ] && [ -s /custom/server.key ]; then
  openssl x509 -in /custom/server.crt -noout 2>/dev/null || { echo "make-certs: /custom/server.crt is not a PEM certificate" >&2; exit 65; }
  openssl pkey -in /custom/server.key -noout 2>/dev/null || { echo "make-certs: /custom/server.key is not a PEM private key (or is encrypted)" >&2; exit 65; }
  cp /custom/server.crt "$out/server.crt"
  cp /custom/server.key "$out/server.key"
  if [ -s /custom/ca.crt ]; then cp /custom/ca.crt "$out/ca.crt"; else cp /custom/server.crt "$out/ca.crt"; fi
  chmod 0644 "$out/server.crt" "$out/ca.crt"
  echo "make-certs: using the customer's certificate: $(openssl x509 -in "$out/server.crt" -noout -subject)"
  exit 0
fi

names="localhost,${DEVFORGE_HOSTNAMES:-}"
if [ ! -s "$out/ca.key" ]; then
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -subj "/CN=DevForge internal CA $(date -u +%F)" -keyout "$out/ca.key" -out "$out/ca.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  rm -f "$out/server.crt"
  echo "make-certs: made an internal CA"
fi
# The server certificate is remade when the host names change (or it is missing).
san="IP:127.0.0.1"
for n in $(echo "$names" | tr ',' ' '); do
  case "$n" in
    *[!0-9.]*) san="$san,DNS:$n" ;;
    *) san="$san,IP:$n" ;;
  esac
done
if [ -s "$out/server.crt" ] && [ "$(cat "$out/server.san" 2>/dev/null)" = "$san" ]; then
  echo "make-certs: the server certificate for $san is in place"
  exit 0
fi
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=${names%%,*}" \
  -keyout "$out/server.key" -out "$out/server.csr" 2>/dev/null
printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' "$san" >"$out/server.ext"
openssl x509 -req -in "$out/server.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial -days 825 \
  -extfile "$out/server.ext" -out "$out/server.crt" 2>/dev/null
rm -f "$out/server.csr" "$out/server.ext"
echo "$san" >"$out/server.san"
chmod 0644 "$out/server.crt" "$out/ca.crt"
echo "make-certs: issued the server certificate for $san"
