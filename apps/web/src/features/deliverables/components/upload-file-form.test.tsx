import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { UploadFileForm } from './upload-file-form';

const deliverable = (kind: 'any' | 'docx') => ({ id: '0190a0b0-0000-7000-8000-0000000000d1', kind });
const viewport = (width: number) => (window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }).happyDOM.setViewport({ width, height: 844 });
const cameraInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type=file][capture]');

describe('UploadFileForm', () => {
  afterEach(() => viewport(1024));

  it('on a phone, offers the camera for a deliverable that takes photos (a signed attendance sheet)', async () => {
    viewport(390);
    const { container } = renderWithProviders(<UploadFileForm deliverable={deliverable('any')} />);
    await waitFor(() => expect(screen.getByTestId('upload-photo').textContent).toContain('拍照上传'));
    const input = cameraInput(container)!;
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.getAttribute('accept')).toBe('image/jpeg,image/png');
    // The photo taken is the file to upload, checked like any other.
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(2048)], 'IMG_20261129_101500.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(container.textContent).toContain('IMG_20261129_101500.jpg'));
    expect(screen.getByTestId('upload-photo').textContent).toContain('重新拍照');
    // The file picker did not give it: it still offers to choose, not to choose another.
    expect(container.textContent).toContain('选择文件');
    expect(container.textContent).not.toContain('更换文件');
    expect(screen.getByTestId('upload-submit').hasAttribute('disabled')).toBe(false);
  });

  it('offers no camera for a Word deliverable, nor on a desk’s screen', async () => {
    viewport(390);
    const word = renderWithProviders(<UploadFileForm deliverable={deliverable('docx')} />);
    expect(cameraInput(word.container)).toBeNull();
    word.unmount();
    viewport(1280);
    const desk = renderWithProviders(<UploadFileForm deliverable={deliverable('any')} />);
    await waitFor(() => expect(desk.container.textContent).toContain('选择文件'));
    expect(cameraInput(desk.container)).toBeNull();
  });
});
