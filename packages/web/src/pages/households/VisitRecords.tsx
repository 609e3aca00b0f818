// A household's 入户核实 visits as the office and the street read them: who, when (the phone's
// time and the server's), where, what each finding was found to be, and the photos.
import { VISIT_RESULT_LABELS } from '@paicha/core';
import { Card, Empty, Image, List, Space, Tag, Typography } from 'antd';
import { filesApi } from '../../api/problems';
import type { Visit } from '../../api/verification';
import { cnDateTime } from '../../components/dates';

export function VisitRecords(props: {
  visits: Visit[];
  findingTitle?: (id: number) => string;
  /** The phone's compact cards. */
  small?: boolean;
}) {
  return (
    <Card
      title={`入户核实记录（${props.visits.length} 次）`}
      size={props.small ? 'small' : 'default'}
      data-testid="visit-records"
    >
      {props.visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未入户核实" />
      ) : (
        <List
          dataSource={props.visits}
          renderItem={(v) => (
            <List.Item data-testid="visit-record" data-client-id={v.clientId}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <Typography.Text strong>{v.visitorName || v.recordedBy}</Typography.Text>
                  <Typography.Text type="secondary">核实于 {cnDateTime(v.recordedAt)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （{v.recordedBy} 上传于 {cnDateTime(v.receivedAt)}）
                  </Typography.Text>
                </Space>
                {v.results.map((r) => (
                  <div key={r.findingId}>
                    <Tag color={r.result === 'confirmed' ? 'orange' : 'purple'}>
                      {VISIT_RESULT_LABELS[r.result]}
                    </Tag>
                    {props.findingTitle?.(r.findingId) ?? `线索 #${r.findingId}`}
                    {r.note && <Typography.Text type="secondary">：{r.note}</Typography.Text>}
                  </div>
                ))}
                {v.note && <div className="cell-content">{v.note}</div>}
                {v.location && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    位置 {v.location.latitude.toFixed(5)}, {v.location.longitude.toFixed(5)}
                    {v.location.accuracy !== null && `（误差约${Math.round(v.location.accuracy)}米）`}
                  </Typography.Text>
                )}
                {v.photos.length > 0 && (
                  <Image.PreviewGroup>
                    <Space wrap>
                      {v.photos.map((p) => (
                        <Image
                          key={p.id}
                          src={filesApi.url(p.id)}
                          alt={p.name}
                          width={88}
                          height={88}
                          style={{ objectFit: 'cover' }}
                          data-testid="visit-record-photo"
                        />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
