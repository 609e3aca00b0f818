// Any error while rendering a page (or loading its code) shows a message where the page would
// be — never a blank white screen. Keyed by the caller on the path, so moving to another page
// starts afresh.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { isChunkLoadError, reloadOnce } from './chunkReload';

interface State {
  error: unknown;
}

export class PageErrorBoundary extends Component<{ children: ReactNode; fullPage?: boolean }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(error: unknown) {
    // A page's code missing after a redeploy: the new build is one reload away.
    if (isChunkLoadError(error)) reloadOnce();
    else console.error(error);
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const chunk = isChunkLoadError(error);
    return (
      <Result
        status={chunk ? 'info' : 'error'}
        data-testid="page-error"
        data-kind={chunk ? 'chunk' : 'render'}
        style={this.props.fullPage ? { marginTop: 96 } : undefined}
        title={chunk ? '系统已更新，请刷新页面' : '页面出错了'}
        subTitle={
          chunk
            ? '系统刚刚更新过，这个页面需要重新加载。请点击“刷新”加载最新版本。'
            : '显示这个页面时出现了错误。请刷新页面重试；如果仍然出错，请联系领导小组办公室。'
        }
        extra={
          <Button type="primary" onClick={() => window.location.reload()} data-testid="page-error-reload">
            刷新
          </Button>
        }
      />
    );
  }
}
