// A Form.List as rows of inputs, each row deletable, one button adding a blank row: the plan's
// 工作阶段 and 报送节点 in the information step are both such lists.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Space } from 'antd';
import type { ReactNode } from 'react';

export interface RowField {
  name: string;
  span: number;
  /** The input for the row numbered `n` (from 1), labelled with it. */
  input: (n: number) => ReactNode;
  /** A note under the input (what a date means, …). */
  extra?: (n: number) => ReactNode;
}

export function FormRows(props: {
  name: string;
  /** What one row is called: 添加{noun}, 删除{noun}{n}. */
  noun: string;
  testId: string;
  fields: RowField[];
  blank: Record<string, unknown>;
  footer?: ReactNode;
}) {
  return (
    <Form.List name={props.name}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, i) => (
            <Row key={row.key} gutter={8} data-testid={props.testId}>
              {props.fields.map((f) => (
                <Col key={f.name} span={f.span}>
                  <Form.Item name={[row.name, f.name]} extra={f.extra?.(i + 1)}>
                    {f.input(i + 1)}
                  </Form.Item>
                </Col>
              ))}
              <Col span={1}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除${props.noun}${i + 1}`}
                  onClick={() => remove(row.name)}
                />
              </Col>
            </Row>
          ))}
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => add(props.blank)}>
              添加{props.noun}
            </Button>
            {props.footer}
          </Space>
        </>
      )}
    </Form.List>
  );
}
