// The visit record at the door: a verdict per finding (属实 / 不属实 + note), photos from the
// camera (shrunk before they are kept), a note, and where it happened if the cadre allows it.
// 保存 puts it in the phone's outbox with the phone's time; it is sent from there (useOutbox).
// What is typed before 保存 is kept in localStorage, so a reload or a closed tab loses nothing.
import { CameraOutlined, DeleteOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { VISIT_RESULT_LABELS, type VisitResult } from '@paicha/core';
import { App, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../api/householdTypes';
import { useUser } from '../../auth/AuthContext';
import { useDraft } from '../../hooks/useDraft';
import { VerificationTag } from '../households/VerificationTag';
import { newClientId } from './outbox';
import { shrinkPhoto } from './photo';
import { useOutbox } from './useOutbox';

interface Values {
  visitorName: string;
  note: string;
  results: Record<string, { result?: VisitResult; note?: string }>;
}
type Place = { latitude: number; longitude: number; accuracy: number };

export function VisitForm(props: { householdId: string; findings: Finding[] }) {
  const user = useUser();
  const { message } = App.useApp();
  const { save } = useOutbox();
  const draft = useDraft<Values>(`visit-form:${user.id}:${props.householdId}`);
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<{ name: string; blob: Blob; url: string }[]>([]);
  const [place, setPlace] = useState<Place | null>(null);
  const [locating, setLocating] = useState(false);
  const [busy, setBusy] = useState(false);
  const camera = useRef<HTMLInputElement>(null);
  const assignee = props.findings.find((f) => f.assignee)?.assignee?.name;
  const initial = useMemo<Values>(
    () => draft.restored?.values ?? { visitorName: assignee ?? user.displayName, note: '', results: {} },
    [draft.restored, assignee, user.displayName],
  );
  // The previews' object URLs go with the page (a removed or saved photo's at once).
  const shown = useRef(photos);
  shown.current = photos;
  useEffect(
    () => () => {
      for (const p of shown.current) URL.revokeObjectURL(p.url);
    },
    [],
  );
  const dropPhotos = (keep: (i: number) => boolean) =>
    setPhotos((ps) => {
      ps.forEach((p, i) => {
        if (!keep(i)) URL.revokeObjectURL(p.url);
      });
      return ps.filter((_, i) => keep(i));
    });

  async function addPhotos(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      try {
        const small = await shrinkPhoto(file);
        setPhotos((ps) => [...ps, { ...small, url: URL.createObjectURL(small.blob) }]);
      } catch {
        message.error(`“${file.name}”不是可以读取的照片`);
      }
    }
    if (camera.current) camera.current.value = '';
  }

  function locate() {
    if (!navigator.geolocation) return void message.warning('这台手机不能提供位置');
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPlace({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy });
        setLocating(false);
      },
      () => {
        setLocating(false);
        message.warning('没有取得位置（未允许或信号弱），可以不记录位置');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  async function submit(v: Values) {
    const results = props.findings.flatMap((f) => {
      const r = v.results?.[f.id];
      return r?.result ? [{ findingId: f.id, result: r.result, note: (r.note ?? '').trim() }] : [];
    });
    if (results.length === 0 && !v.note?.trim() && photos.length === 0)
      return void message.warning('请至少填写一条核实结果、情况说明或拍一张照片');
    setBusy(true);
    try {
      await save({
        clientId: newClientId(),
        householdId: props.householdId,
        userId: user.id,
        // The phone's own clock: when the cadre was at the door, whenever it reaches the server.
        visit: {
          recordedAt: new Date().toISOString(),
          note: (v.note ?? '').trim(),
          visitorName: (v.visitorName ?? '').trim(),
          location: place,
          results,
        },
        photos: photos.map(({ name, blob }) => ({ name, blob })),
      });
      draft.clear();
      form.resetFields();
      form.setFieldsValue({ visitorName: v.visitorName, note: '', results: {} });
      dropPhotos(() => false);
      setPlace(null);
      message.success(navigator.onLine ? '已保存，正在上传' : '已保存在手机上，恢复网络后自动上传');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="填写入户核实记录" data-testid="visit-form">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.save(all)}
        onFinish={(v) => void submit(v)}
      >
        {props.findings.map((f) => (
          <div
            key={f.id}
            data-testid="visit-finding"
            data-id={f.id}
            style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}
          >
            <Space size={4} wrap>
              <Typography.Text strong>序号{f.checkItem}</Typography.Text>
              <VerificationTag state={f.verification} />
            </Space>
            <div className="cell-content" style={{ margin: '4px 0 8px' }}>
              {f.detail}
            </div>
            <Form.Item name={['results', String(f.id), 'result']} style={{ marginBottom: 8 }}>
              <Radio.Group optionType="button" buttonStyle="solid" size="large">
                {(['confirmed', 'disputed'] as const).map((r) => (
                  <Radio.Button key={r} value={r} data-testid={`result-${r}`}>
                    {VISIT_RESULT_LABELS[r]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name={['results', String(f.id), 'note']} style={{ marginBottom: 12 }}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="核实情况（不属实请写明数据哪里有误）" />
            </Form.Item>
          </div>
        ))}
        <Form.Item label="照片">
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            style={{ display: 'none' }}
            onChange={(e) => void addPhotos(e.target.files)}
            data-testid="visit-photo-input"
          />
          <Space wrap>
            {photos.map((p, i) => (
              <div key={p.url} style={{ position: 'relative' }} data-testid="visit-photo">
                <img
                  src={p.url}
                  alt={p.name}
                  style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除照片"
                  style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => dropPhotos((j) => j !== i)}
                />
              </div>
            ))}
            <Button icon={<CameraOutlined />} size="large" onClick={() => camera.current?.click()}>
              拍照
            </Button>
          </Space>
        </Form.Item>
        <Form.Item name="note" label="情况说明">
          <Input.TextArea rows={3} maxLength={2000} data-testid="visit-note" />
        </Form.Item>
        <Form.Item name="visitorName" label="核实人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="位置（选填）">
          <Space wrap>
            <Button icon={<EnvironmentOutlined />} loading={locating} onClick={locate}>
              {place ? '重新定位' : '记录当前位置'}
            </Button>
            {place && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {place.latitude.toFixed(5)}, {place.longitude.toFixed(5)}（误差约{Math.round(place.accuracy)}
                米）
              </Typography.Text>
            )}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="visit-save">
          保存核实记录
        </Button>
      </Form>
    </Card>
  );
}
