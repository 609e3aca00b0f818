import { formatChineseDate } from '@paicha/core';
import { Card, Descriptions, Typography } from 'antd';
import type { Campaign } from '../../api/types';
import { CampaignPicker } from '../../components/CampaignPicker';

/** Title, issuer, period and the basis documents (依据文件) the plan cites by 文号. */
export function CampaignHeader({ campaign, today }: { campaign: Campaign; today: string }) {
  return (
    <Card>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="campaign-title">
          {campaign.title}
        </Typography.Title>
        <CampaignPicker />
      </div>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        size="small"
        style={{ marginTop: 16 }}
      >
        <Descriptions.Item label="牵头单位">{campaign.issuer}</Descriptions.Item>
        <Descriptions.Item label="活动期间">
          {/* A date or 文号 broken across lines is misread; let the gaps between them wrap. */}
          <span className="nowrap">{formatChineseDate(campaign.startDate)}</span>至
          <span className="nowrap">{formatChineseDate(campaign.endDate)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="今天">{formatChineseDate(today)}</Descriptions.Item>
        <Descriptions.Item label="依据文件" span="filled">
          <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="basis-documents">
            {campaign.basisDocuments.map((d) => (
              <li key={d.docNumber}>
                {d.title}（
                <Typography.Text strong className="nowrap">
                  {d.docNumber}
                </Typography.Text>
                ）
              </li>
            ))}
          </ul>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
