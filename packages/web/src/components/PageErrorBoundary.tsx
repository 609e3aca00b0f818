// Any error while rendering a page (or loading its code) shows a message where the page would
// be — never a blank white screen. Keyed by the caller on the path, so moving to another page
// starts afresh.
import { Button, Result, Spin } from 'antd';
import { Component, type ReactNode } from 'react';
import { isChunkLoadError, mayReload, reloadOnce } from './chunkReload';

interface State {
  error: unknown;
}

export class PageErrorBoundary extends Component<{ children: ReactNode; fullPage?: boolean }, State> {
  override state: State = { error: undefined };
  /** Set when this error is about to reload the tab: a spinner, not a message, until it does. */
  private reloading = false;

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') };
  }

  override componentDidCatch(error: unknown) {
    // A page's code missing after a redeploy: the new build is one reload away.
    if (!this.reloading) console.error(error);
    else if (!reloadOnce()) this.forceUpdate();
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    const chunk = isChunkLoadError(error);
    // Decided once per error: the reload fires from componentDidCatch, right after this render.
    this.reloading = chunk && mayReload();
    if (this.reloading) return <Spin size="large" style={{ display: 'block', margin: 48 }} />;
    return (
      <div data-testid="page-error" data-kind={chunk ? 'chunk' : 'render'}>
        <Result
          status={chunk ? 'info' : 'error'}
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
      </div>
    );
  }
}
