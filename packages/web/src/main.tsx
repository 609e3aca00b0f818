// antd 5 predates React 19's removal of ReactDOM.render; this patch must load before antd renders.
import '@ant-design/v5-patch-for-react-19';
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES path: under Vite 8 the CJS locale module is picked up as an empty default and the UI
// silently stays English.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import './styles.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#b8232f', borderRadius: 4 } }}
      // antd would render two-character labels as "编 辑"; clerks (and tests) expect "编辑".
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <PageErrorBoundary fullPage>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </PageErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
