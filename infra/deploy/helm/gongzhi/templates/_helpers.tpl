{{/* The release's name for every object, at most 63 characters. */}}
{{- define "gongzhi.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "gongzhi.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component (api, worker, migrate). */}}
{{- define "gongzhi.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The Secret holding DATABASE_URL: the operator's, or the chart's own. */}}
{{- define "gongzhi.databaseSecret" -}}
{{- if .Values.database.existingSecret -}}
{{- .Values.database.existingSecret -}}
{{- else -}}
{{- include "gongzhi.fullname" . }}-database
{{- end -}}
{{- end -}}

{{- define "gongzhi.filesClaim" -}}
{{- if .Values.files.volume.existingClaim -}}
{{- .Values.files.volume.existingClaim -}}
{{- else -}}
{{- include "gongzhi.fullname" . }}-files
{{- end -}}
{{- end -}}

{{/* What the API, the worker and the migrations share: database, Temporal, file store. */}}
{{- define "gongzhi.env" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "gongzhi.databaseSecret" . }}
      key: {{ .Values.database.existingSecretKey }}
- name: TEMPORAL_ADDRESS
  value: {{ required "temporal.address is required (host:port of the Temporal frontend)" .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
{{- if eq .Values.files.store "s3" }}
- name: GONGZHI_S3_BUCKET
  value: {{ required "files.s3.bucket is required with files.store=s3" .Values.files.s3.bucket | quote }}
- name: GONGZHI_S3_REGION
  value: {{ .Values.files.s3.region | quote }}
{{- with .Values.files.s3.endpoint }}
- name: GONGZHI_S3_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- with .Values.files.s3.prefix }}
- name: GONGZHI_S3_PREFIX
  value: {{ . | quote }}
{{- end }}
{{- if not (kindIs "invalid" .Values.files.s3.forcePathStyle) }}
- name: GONGZHI_S3_FORCE_PATH_STYLE
  value: {{ .Values.files.s3.forcePathStyle | quote }}
{{- end }}
{{- with .Values.files.s3.credentialsSecret }}
- name: GONGZHI_S3_ACCESS_KEY_ID
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: GONGZHI_S3_ACCESS_KEY_ID
- name: GONGZHI_S3_SECRET_ACCESS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: GONGZHI_S3_SECRET_ACCESS_KEY
{{- end }}
{{- else }}
- name: GONGZHI_FILES_DIR
  value: /data/files
{{- end }}
{{- with .Values.tracing.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "gongzhi.filesVolume" -}}
{{- if eq .Values.files.store "volume" }}
- name: files
  persistentVolumeClaim:
    claimName: {{ include "gongzhi.filesClaim" . }}
{{- end }}
{{- end -}}

{{- define "gongzhi.filesMount" -}}
{{- if eq .Values.files.store "volume" }}
- name: files
  mountPath: /data/files
{{- end }}
{{- end -}}
