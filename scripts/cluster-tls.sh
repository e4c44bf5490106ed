#!/usr/bin/env bash
# Makes the cluster's TLS certificate once: a self-signed PKCS#12 file (EC P-256, server and client authentication)
# and its generated password, both mode 600, in the folder given. Prints nothing; an existing pair is kept.
#
#   scripts/cluster-tls.sh FOLDER      -> FOLDER/cluster-tls.pfx, FOLDER/cluster-tls.password
#
# scripts/run.sh calls it unless SUPERVISION_TLS_CERTIFICATE is set; give the same file to every silo and front that
# joins that server (docs/operations.md "TLS between silos and fronts").
set -euo pipefail

folder=${1:?usage: cluster-tls.sh FOLDER}
pfx=$folder/cluster-tls.pfx
password=$folder/cluster-tls.password
command -v openssl >/dev/null || { echo "cluster-tls.sh: openssl is needed" >&2; exit 1; }

if [ ! -s "$pfx" ] || [ ! -s "$password" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  umask 077
  head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$password"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 -subj "/CN=supervision-cluster" \
    -addext "extendedKeyUsage=serverAuth,clientAuth" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$pfx" -passout "file:$password"
fi
chmod 600 "$pfx" "$password"
