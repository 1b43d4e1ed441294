#!/bin/bash
# The image's health check (HEALTHCHECK in Dockerfile.jvm, healthcheck in compose.yml): healthy
# while GET /q/health/ready answers 200. Only bash, which the image's entrypoint (run-java.sh)
# needs anyway: no curl or wget is assumed in the base image. DockerFilesTest runs it.
port=${QUARKUS_HTTP_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 _ status _ <&3 || exit 1
[ "$status" = 200 ]
