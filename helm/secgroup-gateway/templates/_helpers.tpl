{{/*
Chart name, shortened to the 63 characters of a DNS label.
*/}}
{{- define "secgroup-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release name when it already contains the chart name.
*/}}
{{- define "secgroup-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart label: name-version.
*/}}
{{- define "secgroup-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "secgroup-gateway.labels" -}}
helm.sh/chart: {{ include "secgroup-gateway.chart" . }}
{{ include "secgroup-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: secgroup-gateway
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Selector labels: stable for the life of a release (a Deployment's selector is immutable).
*/}}
{{- define "secgroup-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "secgroup-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Common annotations, as a block to put under metadata (empty when there are none).
*/}}
{{- define "secgroup-gateway.annotations" -}}
{{- with .Values.commonAnnotations -}}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
Name of the ServiceAccount.
*/}}
{{- define "secgroup-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "secgroup-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Whether the pod mounts the Kubernetes API token and CA: as configured, else only in jwt mode (the
gateway may fetch the in-cluster issuer's keys from the API server, whose CA comes with the token).
oidc mode uses its own projected token with the configured audience and needs no API token.
Renders "true" or "false".
*/}}
{{- define "secgroup-gateway.automountToken" -}}
{{- if kindIs "bool" .Values.serviceAccount.automountToken }}
{{- .Values.serviceAccount.automountToken }}
{{- else }}
{{- eq .Values.gateway.security.mode "jwt" }}
{{- end }}
{{- end }}

{{/*
Image reference: repository@digest, else repository:tag (tag defaults to the appVersion).
*/}}
{{- define "secgroup-gateway.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}
{{- end }}

{{/*
Secret with the cloud credentials (aksk, password); "" when they come from the config tree only.
*/}}
{{- define "secgroup-gateway.credentialsSecret" -}}
{{- $c := .Values.gateway.credentials }}
{{- if $c.existingSecret }}
{{- $c.existingSecret }}
{{- else if not .Values.configTree.enabled }}
{{- printf "%s-credentials" (include "secgroup-gateway.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Secret with the clients' credentials: API key hashes, access keys and secret keys.
*/}}
{{- define "secgroup-gateway.apiKeysSecret" -}}
{{- default (printf "%s-api-keys" (include "secgroup-gateway.fullname" .)) .Values.gateway.security.existingSecret }}
{{- end }}

{{/*
The inbound modes as a JSON list ("api-key,aksk" -> ["api-key","aksk"]); read with fromJsonArray.
*/}}
{{- define "secgroup-gateway.securityModes" -}}
{{- splitList "," (nospace .Values.gateway.security.mode) | toJson }}
{{- end }}

{{/*
Environment variables that carry client i's credentials from the Secret into the configuration
(referenced as ${...} placeholders in application.yaml, so the clients list stays in one place):
its API key hash (and the previous one while a key rotates), its access key and its secret key.
*/}}
{{- define "secgroup-gateway.apiKeyEnvName" -}}
{{- printf "SECGROUP_GATEWAY_CLIENT_%d_API_KEY_SHA256" . }}
{{- end }}

{{- define "secgroup-gateway.previousApiKeyEnvName" -}}
{{- printf "SECGROUP_GATEWAY_CLIENT_%d_PREVIOUS_API_KEY_SHA256" . }}
{{- end }}

{{- define "secgroup-gateway.accessKeyEnvName" -}}
{{- printf "SECGROUP_GATEWAY_CLIENT_%d_ACCESS_KEY" . }}
{{- end }}

{{- define "secgroup-gateway.secretKeyEnvName" -}}
{{- printf "SECGROUP_GATEWAY_CLIENT_%d_SECRET_KEY" . }}
{{- end }}

{{/*
Checks that refuse an inconsistent release with one clear message (the schema checks each value
alone; these check values against each other).
*/}}
{{- define "secgroup-gateway.validate" -}}
{{- $g := .Values.gateway }}
{{- $s := .Values.gracefulShutdown }}
{{- if lt (int .Values.terminationGracePeriodSeconds) (int (add $s.preStopSleepSeconds $s.timeoutPerShutdownPhaseSeconds)) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must be at least gracefulShutdown.preStopSleepSeconds + gracefulShutdown.timeoutPerShutdownPhaseSeconds (%v)" .Values.terminationGracePeriodSeconds (add $s.preStopSleepSeconds $s.timeoutPerShutdownPhaseSeconds)) }}
{{- end }}
{{- if eq .Values.containerPorts.http .Values.containerPorts.management }}
{{- fail "containerPorts.http and containerPorts.management must differ: management endpoints are never served on the API port" }}
{{- end }}
{{- if and (eq $g.credentials.mode "oidc") (not $g.credentials.oidc.audience) }}
{{- fail "gateway.credentials.oidc.audience is required in oidc mode: the projected token is made for that audience" }}
{{- end }}
{{- if and (eq $g.credentials.mode "oidc") (not $g.credentials.oidc.idpId) }}
{{- fail "gateway.credentials.oidc.idpId is required in oidc mode" }}
{{- end }}
{{- if and $g.sharedState (eq $g.sharedState.store "redis") (not $g.sharedState.redis.host) }}
{{- fail "gateway.sharedState.redis.host is required with gateway.sharedState.store=redis" }}
{{- end }}
{{- $modes := include "secgroup-gateway.securityModes" . | fromJsonArray }}
{{- if and (has "none" $modes) (not $g.security.allowUnauthenticated) }}
{{- fail "gateway.security.mode none lets anyone use the gateway's cloud credentials: set gateway.security.allowUnauthenticated=true to confirm, or use api-key, jwt or aksk" }}
{{- end }}
{{- if has "jwt" $modes }}
{{- if not (or $g.security.jwt.issuerUri $g.security.jwt.jwkSetUri) }}
{{- fail "gateway.security.jwt.issuerUri or gateway.security.jwt.jwkSetUri is required in jwt mode" }}
{{- end }}
{{- if not $g.security.jwt.audiences }}
{{- fail "gateway.security.jwt.audiences must name at least one audience in jwt mode" }}
{{- end }}
{{- end }}
{{- range $i, $client := $g.security.clients }}
{{- if ne (empty $client.accessKeySecretKey) (empty $client.secretKeySecretKey) }}
{{- fail (printf "gateway.security.clients[%d]: accessKeySecretKey and secretKeySecretKey go together (the keys in gateway.security.existingSecret holding the client's access key and secret key)" $i) }}
{{- end }}
{{- /* outside jwt (names matched against tokens) and none, a client needs a credential of a mode in use */}}
{{- $byKey := and (has "api-key" $modes) $client.apiKeySha256SecretKey }}
{{- $byAkSk := and (has "aksk" $modes) $client.accessKeySecretKey }}
{{- if not (or (has "jwt" $modes) (has "none" $modes) $byKey $byAkSk) }}
{{- if and (has "api-key" $modes) (has "aksk" $modes) }}
{{- fail (printf "gateway.security.clients[%d] needs apiKeySha256SecretKey, or accessKeySecretKey and secretKeySecretKey (keys in gateway.security.existingSecret)" $i) }}
{{- else if has "api-key" $modes }}
{{- fail (printf "gateway.security.clients[%d].apiKeySha256SecretKey is required in api-key mode (the key in gateway.security.existingSecret holding the hash)" $i) }}
{{- else }}
{{- fail (printf "gateway.security.clients[%d].accessKeySecretKey and secretKeySecretKey are required in aksk mode (the keys in gateway.security.existingSecret holding the client's access key and secret key)" $i) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and .Values.configTree.enabled (not .Values.configTree.existingSecret) }}
{{- fail "configTree.existingSecret is required when configTree.enabled is true" }}
{{- end }}
{{- if and .Values.serviceMonitor.enabled (not .Values.managementService.enabled) }}
{{- fail "serviceMonitor.enabled needs managementService.enabled: Prometheus scrapes the management Service" }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (kindIs "invalid" .Values.podDisruptionBudget.maxUnavailable) (kindIs "invalid" .Values.podDisruptionBudget.minAvailable) }}
{{- fail "podDisruptionBudget: set maxUnavailable or minAvailable" }}
{{- end }}
{{- end }}

{{/*
The application.yaml of the ConfigMap: generated from the values, then `config` merged over it,
then the ports and the shutdown phase, which nothing may override (probes, Services and the
termination grace period are computed from them).
*/}}
{{- define "secgroup-gateway.applicationConfig" -}}
{{- $g := .Values.gateway }}
{{- $upstreams := dict }}
{{- range $name, $u := $g.upstreams }}
{{- $upstream := dict "endpoint" $u.endpoint }}
{{- with $u.connectTimeout }}{{ $_ := set $upstream "connect-timeout" . }}{{ end }}
{{- with $u.responseTimeout }}{{ $_ := set $upstream "response-timeout" . }}{{ end }}
{{- with $u.quota }}{{ $_ := set $upstream "quota" (dict "requests" (int .requests) "per" .per "max-wait" .maxWait) }}{{ end }}
{{- $_ := set $upstreams $name $upstream }}
{{- end }}
{{- $gateway := dict "region" $g.region "upstreams" $upstreams }}
{{- $shared := $g.sharedState | default dict }}
{{- $_ := set $gateway "shared-state" (dict "store" ($shared.store | default "memory") "key-prefix" ($shared.keyPrefix | default "secgroup-gateway:")) }}
{{- with $g.projects }}{{ $_ := set $gateway "projects" (deepCopy .) }}{{ end }}
{{- /* credentials: the non-secret settings; secrets arrive as environment variables or files */}}
{{- $c := $g.credentials }}
{{- $credentials := dict "mode" $c.mode }}
{{- if eq $c.mode "password" }}
{{- with $c.password.userName }}{{ $_ := set $credentials "user-name" . }}{{ end }}
{{- with $c.password.domainName }}{{ $_ := set $credentials "domain-name" . }}{{ end }}
{{- end }}
{{- if eq $c.mode "oidc" }}
{{- $_ := set $credentials "idp-id" $c.oidc.idpId }}
{{- $_ := set $credentials "id-token-file" (printf "%s/token" (trimSuffix "/" $c.oidc.mountPath)) }}
{{- end }}
{{- $_ := set $gateway "credentials" $credentials }}
{{- /* security */}}
{{- $sec := $g.security }}
{{- $security := dict "mode" $sec.mode }}
{{- if eq $sec.mode "none" }}
{{- $_ := set $security "allow-unauthenticated-outside-local" true }}
{{- end }}
{{- with $sec.publicPaths }}
{{- $_ := set $security "public-paths" . }}
{{- end }}
{{- with $sec.trustedProxies }}
{{- $_ := set $security "trusted-proxies" . }}
{{- end }}
{{- if $sec.clients }}
{{- $clients := list }}
{{- range $i, $client := $sec.clients }}
{{- $entry := dict "name" $client.name "projects" $client.projects "operations" $client.operations }}
{{- if hasKey $client "securityGroups" }}{{ $_ := set $entry "security-groups" $client.securityGroups }}{{ end }}
{{- if hasKey $client "clusters" }}{{ $_ := set $entry "clusters" $client.clusters }}{{ end }}
{{- if hasKey $client "namespaces" }}{{ $_ := set $entry "namespaces" $client.namespaces }}{{ end }}
{{- with $client.rateLimit }}{{ $_ := set $entry "rate-limit" (dict "requests" (int .requests) "per" (.per | default "1m")) }}{{ end }}
{{- if $client.apiKeySha256SecretKey }}
{{- $_ := set $entry "api-key-sha256" (printf "${%s}" (include "secgroup-gateway.apiKeyEnvName" $i)) }}
{{- end }}
{{- if $client.previousApiKeySha256SecretKey }}
{{- $_ := set $entry "previous-api-key-sha256" (printf "${%s}" (include "secgroup-gateway.previousApiKeyEnvName" $i)) }}
{{- end }}
{{- if $client.accessKeySecretKey }}
{{- $_ := set $entry "access-key" (printf "${%s}" (include "secgroup-gateway.accessKeyEnvName" $i)) }}
{{- $_ := set $entry "secret-key" (printf "${%s}" (include "secgroup-gateway.secretKeyEnvName" $i)) }}
{{- end }}
{{- $clients = append $clients $entry }}
{{- end }}
{{- $_ := set $security "clients" $clients }}
{{- end }}
{{- if has "jwt" (include "secgroup-gateway.securityModes" . | fromJsonArray) }}
{{- $jwt := dict "audiences" $sec.jwt.audiences }}
{{- with $sec.jwt.issuerUri }}{{ $_ := set $jwt "issuer-uri" . }}{{ end }}
{{- with $sec.jwt.jwkSetUri }}{{ $_ := set $jwt "jwk-set-uri" . }}{{ end }}
{{- with $sec.jwt.clientClaim }}{{ $_ := set $jwt "client-claim" . }}{{ end }}
{{- $_ := set $security "jwt" $jwt }}
{{- end }}
{{- $_ := set $gateway "security" $security }}
{{- $config := dict "gateway" $gateway }}
{{- if eq ($shared.store | default "memory") "redis" }}
{{- $redis := $shared.redis }}
{{- $_ := set $config "spring" (dict "data" (dict "redis" (dict "host" $redis.host "port" (int $redis.port) "ssl" (dict "enabled" $redis.tls)))) }}
{{- end }}
{{- if .Values.configTree.enabled }}
{{- $spring := get $config "spring" | default dict }}
{{- $_ := set $spring "config" (dict "import" (printf "optional:configtree:%s" .Values.configTree.mountPath)) }}
{{- $_ := set $config "spring" $spring }}
{{- end }}
{{- $config = mergeOverwrite $config (deepCopy .Values.config) }}
{{- include "secgroup-gateway.validateMergedConfig" (dict "config" $config "values" .Values) }}
{{- /* fixed: what probes, Services, NetworkPolicy and the grace period are computed from */}}
{{- $server := get $config "server" | default dict }}
{{- $_ := set $server "port" .Values.containerPorts.http }}
{{- $_ := set $server "shutdown" "graceful" }}
{{- $_ := set $config "server" $server }}
{{- $management := get $config "management" | default dict }}
{{- $managementServer := get $management "server" | default dict }}
{{- $_ := set $managementServer "port" .Values.containerPorts.management }}
{{- $_ := set $management "server" $managementServer }}
{{- $_ := set $management "endpoint" (mergeOverwrite (get $management "endpoint" | default dict) (dict "health" (dict "probes" (dict "enabled" true)))) }}
{{- $_ := set $config "management" $management }}
{{- $spring := get $config "spring" | default dict }}
{{- $lifecycle := get $spring "lifecycle" | default dict }}
{{- $_ := set $lifecycle "timeout-per-shutdown-phase" (printf "%ds" (int .Values.gracefulShutdown.timeoutPerShutdownPhaseSeconds)) }}
{{- $_ := set $spring "lifecycle" $lifecycle }}
{{- $_ := set $config "spring" $spring }}
{{- toYaml $config }}
{{- end }}

{{/*
Normalizes a property name as Spring's relaxed binding does (allow-http, allowHttp, allow_http,
ALLOW_HTTP all name one property).
*/}}
{{- define "secgroup-gateway.relaxed" -}}
{{- . | toString | replace "-" "" | replace "_" "" | replace "." "" | lower -}}
{{- end }}

{{/*
Checks the application.yaml AFTER `config` is merged over the generated one, and the extra
environment: neither may re-enable what the values and the schema forbid (the local profile, mode
none without allowUnauthenticated, plain-http upstreams or token issuers, forwarded headers that
would let callers forge the audit's source address).
*/}}
{{- define "secgroup-gateway.validateMergedConfig" -}}
{{- $c := .config }}
{{- $v := .values }}
{{- $allowNone := $v.gateway.security.allowUnauthenticated }}
{{- range $k, $_ := (get $c "spring" | default dict) }}
{{- if eq (include "secgroup-gateway.relaxed" $k) "profiles" }}
{{- fail "config.spring.profiles is not allowed: profiles come from springProfiles only, and the chart never runs the local profile" }}
{{- end }}
{{- end }}
{{- range $k, $server := (get $c "server" | default dict) }}
{{- if eq (include "secgroup-gateway.relaxed" $k) "forwardheadersstrategy" }}
{{- fail "config.server.forward-headers-strategy is not allowed: it would let callers forge the audit's source_address; trust proxies with gateway.security.trustedProxies" }}
{{- end }}
{{- if and (eq (include "secgroup-gateway.relaxed" $k) "tomcat") (kindIs "map" $server) }}
{{- range $t, $_ := $server }}
{{- if eq (include "secgroup-gateway.relaxed" $t) "remoteip" }}
{{- fail "config.server.tomcat.remoteip is not allowed: it would let callers forge the audit's source_address; trust proxies with gateway.security.trustedProxies" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- $g := get $c "gateway" | default dict }}
{{- range $k, $section := $g }}
{{- $name := include "secgroup-gateway.relaxed" $k }}
{{- if eq $name "upstreampolicy" }}
{{- fail "config.gateway.upstream-policy is not allowed: upstream endpoints are https in the chart" }}
{{- end }}
{{- if and (eq $name "security") (kindIs "map" $section) }}
{{- range $sk, $sv := $section }}
{{- $sname := include "secgroup-gateway.relaxed" $sk }}
{{- if and (eq $sname "mode") (eq (toString $sv) "none") (not $allowNone) }}
{{- fail "config.gateway.security.mode none is not allowed: set gateway.security.mode and gateway.security.allowUnauthenticated instead" }}
{{- end }}
{{- if and (eq $sname "allowunauthenticatedoutsidelocal") (not $allowNone) }}
{{- fail "config.gateway.security.allow-unauthenticated-outside-local is not allowed: set gateway.security.allowUnauthenticated instead" }}
{{- end }}
{{- if and (eq $sname "clients") (kindIs "slice" $sv) }}
{{- range $client := $sv }}
{{- range $ck, $cv := (kindIs "map" $client | ternary $client dict) }}
{{- if and (eq (include "secgroup-gateway.relaxed" $ck) "secretkey") (not (regexMatch "^\\$\\{[A-Z0-9_]+\\}$" (toString $cv))) }}
{{- fail "config.gateway.security.clients[].secret-key is not allowed: a client's secret key comes from gateway.security.existingSecret (gateway.security.clients[].secretKeySecretKey)" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- if and (eq $sname "jwt") (kindIs "map" $sv) }}
{{- range $jk, $_ := $sv }}
{{- if eq (include "secgroup-gateway.relaxed" $jk) "allowhttp" }}
{{- fail "config.gateway.security.jwt.allow-http is not allowed: token issuers and keys are https in the chart" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- range $e := $v.extraEnv }}
{{- $env := upper (toString $e.name) }}
{{- if or (hasPrefix "SPRING_PROFILES" $env) (hasPrefix "GATEWAY_UPSTREAMPOLICY" $env) (eq $env "GATEWAY_SECURITY_MODE") (eq $env "GATEWAY_SECURITY_ALLOWUNAUTHENTICATEDOUTSIDELOCAL") (eq $env "GATEWAY_SECURITY_JWT_ALLOWHTTP") (hasPrefix "SERVER_FORWARDHEADERSSTRATEGY" $env) (hasPrefix "SERVER_TOMCAT_REMOTEIP" $env) }}
{{- fail (printf "extraEnv %s is not allowed: it would re-enable what the chart's values forbid" $env) }}
{{- end }}
{{- end }}
{{- end }}
