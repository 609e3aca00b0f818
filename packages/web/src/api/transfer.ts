// File transfers the JSON client does not cover: multipart uploads with progress (XHR, since
// fetch has no upload progress) and downloads that surface the server's error message instead
// of navigating to a JSON error page.
import { ApiError } from './client';

function apiErrorFrom(status: number, body: string): ApiError {
  try {
    const err = (JSON.parse(body) as { error?: { code?: string; message?: string; details?: unknown } })
      .error;
    if (err?.message) return new ApiError(status, err.code ?? 'http_error', err.message, err.details);
  } catch {
    // Not JSON (a proxy's HTML page): fall through to the generic message.
  }
  return new ApiError(status, 'http_error', `请求失败（HTTP ${status}）`);
}

export interface UploadOptions {
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** POSTs `file` as multipart field `file` and resolves with the JSON answer. */
export function uploadFile<T>(url: string, file: File, opts: UploadOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'http_error', '服务器返回的数据无法识别'));
        }
      } else reject(apiErrorFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network_error', '上传失败：无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The UTF-8 file name of a Content-Disposition header (RFC 5987), or the plain one. */
function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Downloads `url` as a file (with the server's file name); throws ApiError on failure. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw apiErrorFrom(res.status, await res.text());
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
